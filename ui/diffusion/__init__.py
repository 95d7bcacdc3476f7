"""Lab 2's Streamlit side: the model picker (model), a module per tab (generate: txt2img, img2img
and inpaint; experiments; png_info; lora) and the pieces they share (sweep_results, charts,
uploads, timing)."""
