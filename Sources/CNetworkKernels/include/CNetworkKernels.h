#ifndef C_NETWORK_KERNELS_H
#define C_NETWORK_KERNELS_H

/// The scalars of one Adam step (Kingma & Ba 2015) and the weight decay of a segment.
typedef struct {
    float beta1;
    float beta2;
    float epsilon;
    /// α / (1 − β₁ᵗ).
    float stepSize;
    /// 1 / √(1 − β₂ᵗ).
    float inverseRootCorrection;
    /// L2 weight decay added to the gradient (0 for biases and variances).
    float decay;
} FolioAdamConstants;

/// One fused Adam update of `count` parameters: g = gradient + decay·θ,
/// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − stepSize·m / (√v·inverseRootCorrection + ε).
/// The buffers must not overlap.
void folio_adam_update(
    float *parameters, const float *gradient, float *firstMoment, float *secondMoment, long count,
    FolioAdamConstants constants);

#endif
