"""Lab 2, Stable Diffusion as the AUTOMATIC1111 WebUI runs it.

models.py       which model: the presets, a hub id, a diffusers folder, a single .safetensors file
demo.py         the tiny offline demo model (random weights) and its LoRA
pipelines.py    a model's txt2img, img2img and inpaint pipelines, loaded once per process
unet_graphs.py  the U-Net replayed from CUDA graphs (on NVIDIA GPUs)
samplers.py     A1111's sampler names and the diffusers schedulers behind them
lora.py         LoRA files: checked, kept when uploaded, applied to a model per request
generate.py     GenRequest and its limits; generate() in numbered steps, like diffusers' __call__
generations.py  a request as a background job, its images kept on disk
infotext.py     where A1111's "parameters" PNG text is written and read back
presets.py      the prompts for each variant and the styles of the prompt experiment
sweeps.py       the experiments: one or two parameters swept over a row or grid, timed and kept
fits.py         line and power-law fits of the measured times
"""
