"""The LKE self-assessment: the items of a regulation's LKE, the unit's answers from the sheet LKE, the score
by the regulation's formula, the WBK/WBBM thresholds, what closes each gap, and the evidence checks.

`items` reads the catalogue, `answers` reads the sheet's answers, `score` computes and judges, `proposals`
reads what the rest of the workbook already shows, `evidence` checks the Bukti Dukung, `assess` ties them
together for `zi-sheets nilai` and `zi-sheets check`.
"""
