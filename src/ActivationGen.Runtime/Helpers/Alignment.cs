// Alignment: where the span drivers start their loops, so that no vector store splits a cache line.
//
// Lanes:       T (any unmanaged element type)
// Max error:   none (integer arithmetic)
// Valid range: count a power of two (a vector's element count)
// Requires:    none

using System.Runtime.CompilerServices;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    /// <summary>
    /// How many elements from <paramref name="destination"/> to the next address aligned to <paramref name="count"/> elements
    /// (0 to count - 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint ElementsToAlignment<T>(ref T destination, nuint count)
        where T : unmanaged
    {
        var address = (nuint)Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref destination);
        return (count - ((address / (nuint)Unsafe.SizeOf<T>()) & (count - 1))) & (count - 1);
    }
}
