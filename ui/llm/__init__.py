"""Lab 3's Streamlit side: a module per tab (compare, history, theory) and the pieces they share
(endpoints: where answers come from; results: answers side by side, tables, charts, downloads)."""
