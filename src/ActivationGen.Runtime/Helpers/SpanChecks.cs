// SpanChecks: the argument checks of the span drivers, as TensorPrimitives makes them: an output shorter than the
// input, or overlapping an input other than exactly in place, is an ArgumentException naming that parameter.
//
// Lanes:       T (any element type)
// Max error:   none (no arithmetic)
// Valid range: any spans
// Requires:    none

using System;
using System.Diagnostics.CodeAnalysis;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    private static void ThrowIfPartialOverlap<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> output, string outputName)
    {
        if (MemoryExtensions.Overlaps(input, output, out var offset) && offset != 0)
        {
            throw new ArgumentException("The output overlaps an input other than exactly in place.", outputName);
        }
    }

    [DoesNotReturn]
    private static void ThrowTooShort(string name) =>
        throw new ArgumentException("Destination is too short.", name);
}
