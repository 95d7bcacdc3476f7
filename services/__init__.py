"""GenLab services: plain Python, no Streamlit, testable without a UI."""
