// KeepNaN: the NaN rule of every generated operator. A NaN input comes back unchanged, bit for bit (sign, payload, and
// a signaling NaN is not quieted), whatever the kernel's arithmetic would make of it, so a NaN result depends neither
// on the element's position, the vector width, nor the instruction that happens to meet it.
//
// Lanes:       T (float or double), at 128, 256 and 512 bits
// Max error:   exact (a select)
// Valid range: any
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// <paramref name="result"/> where <paramref name="x"/> is a number, and x itself, bit for bit, where it is NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> KeepNaN<T>(Vector128<T> x, Vector128<T> result)
        where T : unmanaged
        => Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);
    //#EndPerWidth
}
