// Scalar: f or f' of one value (shape 1), through lane 0 of the operator's Vector128, so that a value is bit for bit
// what every lane of every width computes.
//
// Lanes:       T (float or double)
// Max error:   none of its own (the operator's value)
// Valid range: any
// Requires:    Operators

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Scalar<T, TOperator>(T x)
        where T : unmanaged
        where TOperator : IActivationOperator<T>
        => TOperator.Invoke(Vector128.CreateScalar(x)).ToScalar();
}
