// OpenBLAS's CBLAS (with openblas_set_num_threads) and the LAPACKE C interface.
#include <cblas.h>
#include <lapacke.h>
