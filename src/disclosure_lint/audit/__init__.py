"""`disclosure-lint audit`: a region's reports checked together, as supervisors and evaluators do.

- `load`: find and read the reports (in parallel), who and which year each is about;
- `settings`: the audit's map file (other names, summary reports, thresholds, local deadlines);
- `run`: chain each organ's years through the `--previous` rules, then the checks across reports;
- `copies` and `similarity`: text copied from last year or from another organ;
- `parents`: a summary report against the sum of the reports it covers;
- `compare` and `pair`: two copies of one report, every difference;
- `baseline`: findings already reviewed; `summary`: the per-report table;
- `codes`: the DL80x rules; `cli`: the command.
"""
