// Operators: the interfaces every generated operator implements, and the span drivers call.
//
// Lanes:       T (float or double), at 128, 256 and 512 bits
// Max error:   none (declarations only)
// Valid range: any
// Requires:    none

using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    /// <summary>
    /// An activation's lane-wise computation at every vector width (implemented by generated code). A NaN lane comes back
    /// unchanged, except from the operator of a backward method, whose NaN rule the Backward driver applies.
    /// </summary>
    internal interface IActivationOperator<T>
        where T : unmanaged
    {
        static abstract Vector128<T> Invoke(Vector128<T> x);

        static abstract Vector256<T> Invoke(Vector256<T> x);

        static abstract Vector512<T> Invoke(Vector512<T> x);

        /// <summary>
        /// False for kernels that run faster on 256-bit vectors even where 512-bit ones are accelerated.
        /// </summary>
        static virtual bool PreferVector512 => true;

        /// <summary>False for long kernels: the span loops inline them once, one vector per iteration (unrolled copies
        /// spilled 512-bit vectors, 2 to 3 times slower wherever the stack was not aligned to 64 bytes).</summary>
        static virtual bool Unroll => true;
    }

    /// <summary>
    /// An activation and its derivative computed together, at every vector width (implemented by generated code).
    /// </summary>
    internal interface IFusedActivationOperator<T>
        where T : unmanaged
    {
        static abstract Vector128<T> Invoke(Vector128<T> x, out Vector128<T> derivative);

        static abstract Vector256<T> Invoke(Vector256<T> x, out Vector256<T> derivative);

        static abstract Vector512<T> Invoke(Vector512<T> x, out Vector512<T> derivative);

        /// <summary>
        /// False for kernels that run faster on 256-bit vectors even where 512-bit ones are accelerated.
        /// </summary>
        static virtual bool PreferVector512 => true;

        /// <summary>False for long kernels: the span loops inline them once, one vector per iteration (unrolled copies
        /// spilled 512-bit vectors, 2 to 3 times slower wherever the stack was not aligned to 64 bytes).</summary>
        static virtual bool Unroll => true;
    }
}
