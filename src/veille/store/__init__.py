from veille.store.duckdb_store import Batch, Store, StoreError

__all__ = ["Batch", "Store", "StoreError"]
