"""Lab 2's URL parameters, apart from the tabs that use them so the page reads them without
importing those tabs: each names a job or run, so a reload comes back to it, on its tab."""

GENERATION = "gen"  # a txt2img, img2img or inpaint generation
SWEEP = "sweep"  # an experiment (sweep or X/Y grid)
OWN_RUN = "own"  # a diffusion model training in the Train tab
