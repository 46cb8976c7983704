# The three-panel benchmark figure of Folio's process benchmark, drawn by matplotlib (Agg)
# to a 2x PNG: the comparison the F3 goal is stated against.
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(11)
xs = np.arange(400) / 40.0
first, second = np.sin(xs), np.cos(xs) * 0.8
noise = rng.standard_normal((1000, 2))
classes = np.arange(1000) % 2
px, py = noise[:, 0] + classes * 2.0, noise[:, 1] + classes * 1.0
field = rng.standard_normal((25, 25))

fig, axes = plt.subplots(1, 3, figsize=(900 / 72, 300 / 72))
ax = axes[0]
ax.fill_between(xs, first - 0.2, first + 0.2, alpha=0.3)
ax.plot(xs, first, label="sin")
ax.fill_between(xs, second - 0.3, second + 0.3, alpha=0.3)
ax.plot(xs, second, label="0.8 cos")
ax.set_title("lines with bands"); ax.set_xlabel("x"); ax.set_ylabel("value"); ax.legend()
ax = axes[1]
for c, name in [(0, "inlier"), (1, "outlier")]:
    ax.scatter(px[classes == c], py[classes == c], s=8, label=name)
ax.set_title("two classes"); ax.legend()
ax = axes[2]
im = ax.imshow(field, origin="lower", cmap="viridis")
ax.contour(field, levels=[0.0], colors="white")
fig.colorbar(im, ax=ax, label="value")
ax.set_title("heat map")
fig.tight_layout()
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "three_panel.png", dpi=144)
