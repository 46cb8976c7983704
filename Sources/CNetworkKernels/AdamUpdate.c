// The Adam update is the one elementwise loop of training that costs as much as a GEMM:
// it is bound by square roots and divisions, which AVX2 does eight at a time. Swift has no
// per-function CPU targets, so the loop lives here, compiled twice by `target_clones` and
// chosen at load time by the CPU. Contraction into FMA is off, so both clones, and any
// machine, give the same bits.
#include "CNetworkKernels.h"

#pragma clang fp contract(off)

#if defined(__x86_64__) && defined(__linux__)
__attribute__((target_clones("avx2", "default")))
#endif
void folio_adam_update(
    float *restrict parameters, const float *restrict gradient, float *restrict firstMoment,
    float *restrict secondMoment, long count, FolioAdamConstants c)
{
    for (long k = 0; k < count; k++) {
        float g = gradient[k] + c.decay * parameters[k];
        float m = c.beta1 * firstMoment[k] + (1 - c.beta1) * g;
        float v = c.beta2 * secondMoment[k] + (1 - c.beta2) * g * g;
        firstMoment[k] = m;
        secondMoment[k] = v;
        // The elementwise builtin is sqrt without errno, so the loop vectorises.
        parameters[k] -= c.stepSize * m / (__builtin_elementwise_sqrt(v) * c.inverseRootCorrection + c.epsilon);
    }
}
