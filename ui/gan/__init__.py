"""Lab 1's Streamlit side: a module per tab (data, model, train, runs, sample, collapse) and
the pieces they share (state, names, charts, pictures)."""
