"""Scale-out: `driftcheck check --executor ray` runs the shards of a corpus (one segment file
each: JSONL, TSV, Parquet) in Ray actors and merges their reports into the one a single process
would write. Nothing here imports Ray at module level.

shards.py   which files, in which order (globs, formats)
adapter.py  the one call into the core: one shard -> its JSON report
merge.py    shard reports -> one report (byte-identical to a single-process run)
executor_ray.py  a pool of Ray actors, each holding one loaded engine
(Parquet segment files are read by pipeline/inputs/parquet.py, in every run.)
"""
