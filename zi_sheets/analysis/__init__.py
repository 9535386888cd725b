"""Stage 2, analysis: what is derived from the workbook once (plan year, regulation, catalogue matches, plan
references, periods, progress, Monev matching, coverage), typed as `analysis.analyse.Analysis`."""
