"""Models resident in this process, shared by every session.

A small LRU keyed by whatever identifies a loaded model (name, dtype, device). It does
what ``st.cache_resource(max_entries=...)`` does, but stays testable without Streamlit
and can tell the sidebar what is loaded.
"""

import gc
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class ModelCache:
    def __init__(self, max_items: int = 2):
        self.max_items = max_items
        self._items: OrderedDict[Hashable, tuple[str, object]] = OrderedDict()
        self._lock = threading.Lock()
        self._loading: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, load: Callable[[], object], label: str):
        """The model under ``key``, loading it once even if many sessions ask at once."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key][1]
            loading = self._loading.setdefault(key, threading.Lock())
        with loading:
            with self._lock:
                if key in self._items:
                    return self._items[key][1]
            model = load()
            with self._lock:
                self._items[key] = (label, model)
                self._loading.pop(key, None)
                while len(self._items) > self.max_items:
                    self._items.popitem(last=False)
            _free_memory()
            return model

    def drop(self, key: Hashable) -> None:
        with self._lock:
            self._items.pop(key, None)
        _free_memory()

    def labels(self) -> list[str]:
        with self._lock:
            return [label for label, _ in self._items.values()]

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items


def _free_memory() -> None:
    """Free what an evicted model held, then freeze the survivors: the resident models' many
    objects leave the collector's generations, so later collections stay short. (Unfreezing
    first lets a model evicted since the last freeze be collected.)"""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    torch = sys.modules.get("torch")
    if torch is not None and torch.cuda.is_available():
        torch.cuda.empty_cache()


RESIDENT = ModelCache(max_items=int(os.environ.get("GENLAB_MAX_MODELS", "2")))
