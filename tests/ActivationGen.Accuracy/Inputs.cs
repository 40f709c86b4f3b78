using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace ActivationGen.Accuracy;

/// <summary>The float inputs of one sweep, as bit patterns, handed out in chunks that threads fill independently.</summary>
internal abstract class InputSet
{
    protected InputSet(long count, int chunkSize)
    {
        Count = count;
        ChunkSize = chunkSize;
        ChunkCount = (int)((count + chunkSize - 1) / chunkSize);
    }

    public long Count { get; }

    public int ChunkSize { get; }

    public int ChunkCount { get; }

    public abstract string Describe();

    /// <summary>Writes the inputs of chunk <paramref name="chunk"/> into <paramref name="x"/>; returns how many.</summary>
    public int Fill(int chunk, Span<float> x)
    {
        var start = (long)chunk * ChunkSize;
        var n = (int)Math.Min(ChunkSize, Count - start);
        Fill(start, MemoryMarshal.Cast<float, uint>(x[..n]));
        return n;
    }

    protected abstract void Fill(long start, Span<uint> bits);
}

/// <summary>All 2^32 float bit patterns, in order: every finite float, ±0, ±∞ and every NaN.</summary>
internal sealed class AllInputs(int chunkSize) : InputSet(1L << 32, chunkSize)
{
    public override string Describe() => "all 2^32 float bit patterns";

    protected override void Fill(long start, Span<uint> bits)
    {
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = (uint)(start + i);
        }
    }
}

/// <summary>
/// <c>strided</c> bit patterns evenly spread over the whole 2^32 range (pattern k is ⌊k·2^32/strided⌋), then
/// <c>strided/4</c> pseudo-random patterns (SplitMix64 of the seed and the index, so the set does not depend on the
/// thread schedule), then special values: ±0, ±ε, ±smallest normal, ±1, ±float.MaxValue, ±∞, four NaNs, and the 16
/// floats on each side of every breakpoint of the function (its offsets, 0).
/// </summary>
internal sealed class SampleInputs : InputSet
{
    private readonly long _strided;
    private readonly long _random;
    private readonly ulong _seed;
    private readonly uint[] _specials;

    private SampleInputs(long strided, long random, ulong seed, uint[] specials, int chunkSize)
        : base(strided + random + specials.Length, chunkSize)
    {
        _strided = strided;
        _random = random;
        _seed = seed;
        _specials = specials;
    }

    public static SampleInputs Create(long strided, ulong seed, IEnumerable<double> breakpoints, int chunkSize)
    {
        if (strided < 1 || strided > 1L << 32)
        {
            throw new ArgumentOutOfRangeException(nameof(strided), "the sample size must be between 1 and 2^32");
        }

        var specials = new List<float>
        {
            0f, -0f, float.Epsilon, -float.Epsilon, 1.17549435E-38f, -1.17549435E-38f, 1f, -1f,
            float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity,
        };
        var bits = specials.Select(BitConverter.SingleToUInt32Bits).ToList();
        bits.AddRange([0x7FC00000u, 0xFFC00000u, 0x7F800001u, 0xFFFFFFFFu]);
        foreach (var b in breakpoints)
        {
            var center = (float)b;
            float below = center, above = center;
            for (var i = 0; i < 16; i++)
            {
                below = MathF.BitDecrement(below);
                above = MathF.BitIncrement(above);
                bits.Add(BitConverter.SingleToUInt32Bits(below));
                bits.Add(BitConverter.SingleToUInt32Bits(above));
            }

            bits.Add(BitConverter.SingleToUInt32Bits(center));
        }

        return new SampleInputs(strided, strided / 4, seed, bits.Distinct().ToArray(), chunkSize);
    }

    public override string Describe() =>
        $"{_strided:N0} strided + {_random:N0} random (seed {_seed}) + {_specials.Length} special bit patterns";

    protected override void Fill(long start, Span<uint> bits)
    {
        // The strided part, ⌊j·2^32/strided⌋, stepped without a division per pattern: the quotient and remainder of
        // 2^32/strided are added to a running quotient and remainder.
        var i = 0;
        if (start < _strided)
        {
            var n = (int)Math.Min(bits.Length, _strided - start);
            var s = (ulong)_strided;
            var q = (1UL << 32) / s;
            var r = (1UL << 32) % s;
            var numerator = (ulong)start << 32;
            var value = numerator / s;
            var remainder = numerator % s;
            for (; i < n; i++)
            {
                bits[i] = (uint)value;
                value += q;
                remainder += r;
                if (remainder >= s)
                {
                    remainder -= s;
                    value++;
                }
            }
        }

        for (; i < bits.Length; i++)
        {
            var j = start + i;
            bits[i] = j < _strided + _random
                ? (uint)(SplitMix64(_seed + (ulong)(j - _strided)) >> 32)
                : _specials[j - _strided - _random];
        }
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
