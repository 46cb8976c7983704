# VAE training throughput in JAX (jit, CPU), the comparison the F5 goal is stated against:
# the same networks, loss and optimiser as Folio's trainVAE benchmark (ReLU MLPs, He
# initialisation, diagonal Sigma_z, learned scalar decoder variance, Adam, Float32).
import sys, time
import numpy as np
import jax, jax.numpy as jnp
import optax

def mlp_init(key, widths):
    params = []
    for fan_in, fan_out in zip(widths[:-1], widths[1:]):
        key, sub = jax.random.split(key)
        params.append((jax.random.normal(sub, (fan_in, fan_out), jnp.float32) * np.sqrt(2.0 / fan_in),
                       jnp.zeros((fan_out,), jnp.float32)))
    return params

def mlp(params, x):
    for i, (w, b) in enumerate(params):
        x = x @ w + b
        if i < len(params) - 1:
            x = jax.nn.relu(x)
    return x

def energy(params, x, eps):
    enc, dec, log_lambda = params
    heads = mlp(enc, x)
    kappa = eps.shape[1]
    mu, s = heads[:, :kappa], heads[:, kappa:]
    z = mu + jnp.exp(s / 2) * eps
    mean = mlp(dec, z)
    d = x.shape[1]
    rec = 0.5 * (jnp.sum((x - mean) ** 2, axis=1) * jnp.exp(-log_lambda) + d * log_lambda + d * np.log(2 * np.pi))
    kl = 0.5 * jnp.sum(jnp.exp(s) + mu ** 2 - s - 1, axis=1)
    return jnp.mean(rec + kl)

def throughput(d, hidden, kappa, batch, samples, epochs=8):
    key = jax.random.PRNGKey(0)
    k1, k2, k3 = jax.random.split(key, 3)
    params = (mlp_init(k1, [d] + hidden + [2 * kappa]), mlp_init(k2, [kappa] + hidden[::-1] + [d]), jnp.zeros(()))
    data = jnp.asarray(np.random.default_rng(3).uniform(size=(samples, d)).astype(np.float32))
    opt = optax.adam(1e-4)
    state = opt.init(params)

    def step(carry, inputs):
        params, state = carry
        x, key = inputs
        eps = jax.random.normal(key, (x.shape[0], kappa), jnp.float32)
        loss, grads = jax.value_and_grad(energy)(params, x, eps)
        updates, state = opt.update(grads, state, params)
        return (optax.apply_updates(params, updates), state), loss

    # A whole epoch is one compiled scan over its minibatches: no Python between steps.
    @jax.jit
    def epoch_step(params, state, batches, keys):
        (params, state), losses = jax.lax.scan(step, (params, state), (batches, keys))
        return params, state, losses

    steps = samples // batch
    stamps = []
    for epoch in range(epochs):
        perm = np.random.default_rng(epoch).permutation(samples)
        batches = data[perm[: steps * batch]].reshape(steps, batch, d)
        key, sub = jax.random.split(key)
        params, state, losses = epoch_step(params, state, batches, jax.random.split(sub, steps))
        losses.block_until_ready()
        stamps.append(time.perf_counter())
    # As Folio's benchmark: the median epoch rate after the first (compilation excluded).
    return float(np.median([samples / (b - a) for a, b in zip(stamps, stamps[1:])]))

which = sys.argv[1] if len(sys.argv) > 1 else "both"
if which in ("both", "large"):
    print("jax large %.0f samples/s" % throughput(784, [512, 512], 20, 128, 128 * 40))
if which in ("both", "small"):
    print("jax small %.0f samples/s" % throughput(20, [200, 200], 10, 100, 100 * 200))
