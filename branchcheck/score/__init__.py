"""The compliance index (合规性指数, seed 002) and the period report: `indicators` (the pure
arithmetic), `gather` (the counts from the store, the year-on-year report and its text),
`report_excel` and `report_pdf` (the period report as a workbook with native charts and as a PDF)."""
