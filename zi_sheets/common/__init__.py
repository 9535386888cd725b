"""The bottom of the house: leaves every stage may use (words and numbers in Indonesian, text, dates, errors,
files, the workbook model, the indicator catalogue, the finding model). Nothing here imports a stage."""
