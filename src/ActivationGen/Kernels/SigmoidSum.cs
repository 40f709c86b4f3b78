using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ActivationGen.Diagnostics;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Sum of shifted sigmoids, Scale·Σ σ(x - o_i). The offsets are cut at compile time into blocks no wider than
/// <see cref="BlockWidth"/>; per block and element two exponentials, e^(x - lowest offset) and e^(highest offset - x),
/// serve every term through e^-|x - o_i| = (one of them)·(a compile-time constant ≤ 1). Both carry a factor 2^800 so
/// that terms deep in the left tail keep full precision (also once a Scale up to 1e200 multiplies the sum), and the sum
/// is Kahan-compensated for double. The constants are tables in the operator and the code loops over them, so the
/// generated source grows with Count by one table line per term, whatever the spacing.
/// </summary>
internal sealed class SigmoidSum : Activation
{
    /// <summary>The largest Count accepted.</summary>
    private const int MaxCount = 10_000;

    private static readonly Parameter Count = Parameter.Int32("Count", 100, "The number of sigmoids, 1 to 10000");

    private static readonly Parameter From = Parameter.Double(
        "From", 0, "The first offset", AcceptedRange.AnyFinite("the offsets are exact rationals, carried as pairs of doubles"));

    private static readonly Parameter To = Parameter.Double(
        "To", 10, "The last offset (when Count &gt; 1)", AcceptedRange.AnyFinite("the offsets are exact rationals, carried as pairs of doubles"));

    private static readonly Parameter Scale = Parameter.Double(
        "Scale", 1, "The factor applied to the sum", AcceptedRange.AtMost(
            1e200, "the sum carries a factor 2^800 so that its far left tail keeps its digits once Scale multiplies it"));

    public static readonly SigmoidSum Instance = new();

    public override string Name => "SigmoidSum";

    public override string Summary =>
        """
        a sum of shifted sigmoids:
        f(x) = Scale · Σ_{i=0}^{Count-1} σ(x - o_i), o_i = From + i·(To - From)/(Count - 1) (o_0 = From when Count = 1);
        with <see cref="Derivative"/>, f'(x) = Scale · Σ σ'(x - o_i). One pair of exponentials per element serves all the
        terms whose offsets lie within a span of 32: the offsets and their exponentials are computed at compile time.
        """;

    public override string Accuracy => "At most 4 ULP (float) and 8 ULP (double) from the exact result.";

    public override string Rules => "Count is between 1 and 10000; From ≤ To.";

    public override ImmutableArray<Parameter> Parameters { get; } = ImmutableArray.Create(Count, From, To, Scale);

    /// <summary>Count within 1 to <see cref="MaxCount"/>, From ≤ To (NaN and infinities are reported before).</summary>
    public override IEnumerable<ParameterProblem> Check(ActivationSpec spec)
    {
        if (CountOf(spec) < 1 || CountOf(spec) > MaxCount)
        {
            yield return new(DiagnosticDescriptors.CountOutOfRange, new[] { "Count" }, new object?[] { CountOf(spec), MaxCount });
        }

        if (spec[From] > spec[To] && IsFinite(spec[From]) && IsFinite(spec[To]))
        {
            yield return new(DiagnosticDescriptors.FromGreaterThanTo, new[] { "From", "To" }, new object?[] { Parameter.Format(spec[From]), Parameter.Format(spec[To]) });
        }
    }

    /// <summary>The widest span of offsets one pair of exponentials serves (e^32 cannot overflow anything).</summary>
    private const int BlockWidth = 32;

    /// <summary>
    /// Up to this many blocks the code has one copy of the block's code per block, its offsets and bounds as literals
    /// (measured 4 to 8% faster than the loop for the blog's single block of 100 terms in double); beyond, one loop over
    /// the block tables, so that the code does not grow with Count and the spacing (measured against the written-out
    /// code: about 5% slower for 17 blocks of 3 terms, 20 to 28% faster for 31 blocks of 33).
    /// </summary>
    private const int MaxUnrolledBlocks = 4;

    /// <summary>
    /// The scaling 2^Shift of the exponentials: the largest that keeps every intermediate finite (a term's numerator
    /// times the other's squared denominator is at most e^96·2^Shift), so that Scale·Σ is normal only where the largest
    /// term·2^Shift is (for |Scale| ≤ 2^Shift/Count).
    /// </summary>
    private const int Shift = 800;
    private const double TwoToShift = 6.668014432879854E+240;
    private const double TwoToMinusShift = 1.499696813895631E-241;

    public override string Describe(ActivationSpec spec)
    {
        var scale = spec[Scale] == 1 ? string.Empty : Literals.Readable(spec[Scale]) + "·";
        var offsets = CountOf(spec) == 1
            ? $"o_0 = {Literals.Readable(spec[From])}"
            : $"o_i = {Literals.Readable(spec[From])} + i·{Literals.Readable(Step(spec).ToDouble())} (From = {Literals.Readable(spec[From])} to To = {Literals.Readable(spec[To])})";
        var blocks = Blocks(spec).Count();
        return $"Sum of {CountOf(spec)} sigmoid{(CountOf(spec) == 1 ? string.Empty : "s")}: f(x) = {scale}Σ_{{i=0}}^{{{CountOf(spec) - 1}}} σ(x - o_i), {offsets}; "
            + $"f'(x) = {scale}Σ σ(x - o_i)·σ(o_i - x). Per element, {2 * blocks} exponential{(blocks == 1 ? "s serve" : "s serve")} all terms.";
    }

    /// <summary>One double division per two terms: 256-bit divisions have twice the throughput of 512-bit ones here.</summary>
    public override bool PreferVector512 => false;

    public override void WriteMembers(CodeWriter writer, ActivationSpec spec)
    {
        writer.Line("/// <summary>Per term: o_i - lowest offset of its block, e^(o_i - highest offset of its block), e^(lowest offset of its block - o_i).</summary>");
        using (WriteTable(writer, "double", "Terms"))
        {
            foreach (var block in Blocks(spec))
            {
                for (var i = block.Start; i < block.End; i++)
                {
                    var toHigh = Step(spec) * (block.End - 1 - i);
                    var fromLow = Step(spec) * (i - block.Start);
                    writer.Line($"{Literals.Double(fromLow.ToDouble())}, {Literals.Double(Rational.ExpNegative(toHigh))}, {Literals.Double(Rational.ExpNegative(fromLow))},");
                }
            }
        }

        if (IsUnrolled(spec))
        {
            return;
        }

        writer.Line();
        writer.Line("/// <summary>Per block of terms: its lowest and its highest offset, each exact as a double pair hi + lo.</summary>");
        using (WriteTable(writer, "double", "BlockOffsets"))
        {
            foreach (var block in Blocks(spec))
            {
                var (lowHi, lowLo) = Pair(Offset(spec, block.Start));
                var (highHi, highLo) = Pair(Offset(spec, block.End - 1));
                writer.Line($"{Literals.Double(lowHi)}, {Literals.Double(lowLo)}, {Literals.Double(highHi)}, {Literals.Double(highLo)},");
            }
        }

        writer.Line();
        writer.Line("/// <summary>Per block of terms: the index in Terms where the next block starts.</summary>");
        using (WriteTable(writer, "int", "BlockEnds"))
        {
            var ends = Blocks(spec).Select(b => Index(3 * b.End) + ",").ToList();
            for (var i = 0; i < ends.Count; i += 16)
            {
                writer.Line(string.Join(" ", ends.Skip(i).Take(16)));
            }
        }
    }

    /// <summary>The sums of f and f' share their loops over the terms, so the fused shape writes them together.</summary>
    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        WriteSums(writer, spec, element, forward: true, derivative: true);

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        WriteSums(writer, spec, element, forward: true, derivative: false);

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        WriteSums(writer, spec, element, forward: false, derivative: true);

    private static int CountOf(ActivationSpec spec) => (int)spec[Count];

    private static CodeWriter.Scope WriteTable(CodeWriter writer, string type, string name)
    {
        writer.Line($"private static global::System.ReadOnlySpan<{type}> {name} => new {type}[]");
        return writer.Block(string.Empty, ";");
    }

    /// <summary>
    /// The blocks one after the other (at most <see cref="MaxUnrolledBlocks"/>), or one loop over them; in each, one loop
    /// over the block's terms, two at a time. Beyond a few blocks the code is the same whatever Count and the spacing
    /// are (the tables hold the constants), so its size does not grow with them.
    /// </summary>
    private static void WriteSums(CodeWriter writer, ActivationSpec spec, ElementType element, bool forward, bool derivative)
    {
        var compensated = element == ElementType.Double;
        if (forward)
        {
            writer.Line("var sum = {VD}.Zero;");
            if (compensated)
            {
                writer.Line("var compensation = {VD}.Zero;");
            }
        }

        if (derivative)
        {
            writer.Line("var slopeSum = {VD}.Zero;");
            if (compensated)
            {
                writer.Line("var slopeCompensation = {VD}.Zero;");
            }
        }

        writer.Line("var terms = Terms;");
        if (IsUnrolled(spec))
        {
            foreach (var block in Blocks(spec))
            {
                var (lowHi, lowLo) = Pair(Offset(spec, block.Start));
                var (highHi, highLo) = Pair(Offset(spec, block.End - 1));
                var pairsEnd = 3 * (block.Start + ((block.End - block.Start) / 2 * 2));
                writer.Line($"// Terms {block.Start} to {block.End - 1}: offsets {Literals.Readable(lowHi)} to {Literals.Readable(highHi)}.");
                using (writer.Block(string.Empty))
                {
                    var offsets = new[] { lowHi, lowLo, highHi, highLo }.Select(Literals.Double).ToArray();
                    var tail = pairsEnd < 3 * block.End ? (string.Empty, Index(pairsEnd)) : ((string, string)?)null;
                    var pairs = pairsEnd > 3 * block.Start ? $"for (var i = {Index(3 * block.Start)}; i < {Index(pairsEnd)}; i += 6)" : null;
                    WriteBlock(writer, spec, offsets, pairs, tail, compensated, forward, derivative);
                }
            }
        }
        else
        {
            writer.Line("var offsets = BlockOffsets;");
            writer.Line("var ends = BlockEnds;");
            writer.Line("var start = 0;");
            using (writer.Block("for (var b = 0; b < ends.Length; b++)"))
            {
                writer.Line("var end = ends[b];");
                writer.Line("var i = start;");
                var offsets = new[] { "offsets[4 * b]", "offsets[4 * b + 1]", "offsets[4 * b + 2]", "offsets[4 * b + 3]" };
                WriteBlock(writer, spec, offsets, "for (; i + 3 < end; i += 6)", ("if (i < end)", "i"), compensated, forward, derivative);
                writer.Line("start = end;");
            }
        }

        if (forward)
        {
            writer.Line("var y = " + Finish(spec, compensated ? "(sum - compensation)" : "sum") + ";");
        }

        if (derivative)
        {
            writer.Line("var dy = " + Finish(spec, compensated ? "(slopeSum - slopeCompensation)" : "slopeSum") + ";");
        }
    }

    /// <summary>
    /// One block: e^(x - lowest offset) and e^(highest offset - x), then its terms two at a time (<paramref name="pairs"/>,
    /// the loop over i), and the last one alone where their number is odd (<paramref name="tail"/>: the block's header
    /// and the index of that term).
    /// </summary>
    /// <param name="offsets">The lowest and the highest offset as hi, lo, hi, lo: literals, or reads from the table.</param>
    private static void WriteBlock(CodeWriter writer, ActivationSpec spec, string[] offsets, string? pairs, (string Header, string Index)? tail, bool compensated, bool forward, bool derivative)
    {
        var lowError = WriteDifference(writer, spec, "fromLow", offsets[0], offsets[1]);
        writer.Line($"var low = {{M}}.Exp(fromLow, {lowError}{Shift}); // e^(x - lowest offset)·2^{Shift}");
        var highError = WriteDifference(writer, spec, "fromHigh", offsets[2], offsets[3]);
        writer.Line($"var high = {{M}}.Exp(-fromHigh, {(highError.Length == 0 ? string.Empty : "-" + highError)}{Shift}); // e^(highest offset - x)·2^{Shift}");

        // Two terms share one division: n_a/d_a + n_b/d_b = (n_a·d_b + n_b·d_a)/(d_a·d_b).
        if (pairs is not null)
        {
            using var loop = writer.Block(pairs);
            WriteTerm(writer, "A", "i", forward);
            WriteTerm(writer, "B", "i + 3", forward);
            if (forward)
            {
                writer.Line("var term = {V}.FusedMultiplyAdd(numeratorA, denominatorB, numeratorB * denominatorA) / (denominatorA * denominatorB);");
                WriteAdd(writer, "sum", "compensation", "term", compensated);
            }

            if (derivative)
            {
                writer.Line("var squareA = denominatorA * denominatorA;");
                writer.Line("var squareB = denominatorB * denominatorB;");
                writer.Line("var slope = {V}.FusedMultiplyAdd(scaledA, squareB, scaledB * squareA) / (squareA * squareB);");
                WriteAdd(writer, "slopeSum", "slopeCompensation", "slope", compensated);
            }
        }

        if (tail is not { } last)
        {
            return;
        }

        using (writer.Block(last.Header))
        {
            WriteTerm(writer, "A", last.Index, forward);
            if (forward)
            {
                writer.Line("var term = numeratorA / denominatorA;");
                WriteAdd(writer, "sum", "compensation", "term", compensated);
            }

            if (derivative)
            {
                writer.Line("var slope = scaledA / (denominatorA * denominatorA);");
                WriteAdd(writer, "slopeSum", "slopeCompensation", "slope", compensated);
            }
        }
    }

    /// <summary>An offset of +0 written as a literal (in the unrolled form): x - 0 needs no subtraction.</summary>
    private static readonly string ZeroLiteral = Literals.Double(0);

    private static bool IsUnrolled(ActivationSpec spec) => Blocks(spec).Take(MaxUnrolledBlocks + 1).Count() <= MaxUnrolledBlocks;

    private static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>name + nameError</c> = x - (hi + lo), an offset's pair subtracted exactly. Exp takes
    /// its second argument as a small correction, which the low part of an offset of 2^32 or more need not be (up to
    /// 1e292): for such offsets the difference is renormalized, |nameError| at most half an ULP of name.
    /// </summary>
    /// <returns>"nameError, " for Exp's low-part argument, or nothing where the offset is a literal 0 (then name is x).</returns>
    private static string WriteDifference(CodeWriter writer, ActivationSpec spec, string name, string hi, string lo)
    {
        if (hi == ZeroLiteral && lo == ZeroLiteral)
        {
            writer.Line($"var {name} = x;");
            return string.Empty;
        }

        writer.Line($"var {name} = {{M}}.Subtract(x, {hi}, {lo}, out var {name}Error);");
        if (Math.Max(Math.Abs(spec[From]), Math.Abs(spec[To])) >= 4294967296.0)
        {
            writer.Line($"var {name}Sum = {name} + {name}Error;");
            writer.Line($"{name}Error -= {name}Sum - {name}; // exact (Fast2Sum: {name} is 0 or not below {name}Error in magnitude)");
            writer.Line($"{name} = {name}Sum;");
        }

        return name + "Error, ";
    }

    /// <summary>One term's e^-|x - o_i|·2^Shift (scaled), 1 + e^-|x - o_i| (denominator) and σ's numerator·2^Shift.</summary>
    private static void WriteTerm(CodeWriter writer, string suffix, string index, bool forward)
    {
        writer.Line($"var above{suffix} = {{V}}.GreaterThanOrEqual(fromLow, {{V}}.Create(terms[{index}])); // x ≥ o_i, from the exact x - lowest offset");
        writer.Line($"var scaled{suffix} = {{V}}.ConditionalSelect(above{suffix}, high * {{V}}.Create(terms[{index} + 1]), low * {{V}}.Create(terms[{index} + 2]));");
        writer.Line($"var denominator{suffix} = {{VD}}.One + (scaled{suffix} * {{V}}.Create({Literals.Double(TwoToMinusShift)}));");
        if (forward)
        {
            writer.Line($"var numerator{suffix} = {{V}}.ConditionalSelect(above{suffix}, {{V}}.Create({Literals.Double(TwoToShift)}), scaled{suffix});");
        }
    }

    private static void WriteAdd(CodeWriter writer, string sum, string compensation, string term, bool compensated)
    {
        if (!compensated)
        {
            writer.Line($"{sum} += {term};");
            return;
        }

        writer.Line($"var {term}Corrected = {term} - {compensation};");
        writer.Line($"var {term}Next = {sum} + {term}Corrected;");
        writer.Line($"{compensation} = ({term}Next - {sum}) - {term}Corrected;");
        writer.Line($"{sum} = {term}Next;");
    }

    /// <summary>Undoes the 2^Shift and applies Scale, in one rounding where the combined factor is a normal number.</summary>
    private static string Finish(ActivationSpec spec, string total)
    {
        var combined = spec[Scale] * TwoToMinusShift;
        if (spec[Scale] == 0 || System.Math.Abs(combined) >= 2.2250738585072014E-308)
        {
            return $"{total} * {{V}}.Create({Literals.Double(combined)})";
        }

        return $"{total} * {{V}}.Create({Literals.Double(TwoToMinusShift)}) * {{V}}.Create({Literals.Double(spec[Scale])})";
    }

    private static Rational Step(ActivationSpec spec) =>
        CountOf(spec) == 1
            ? new Rational(0, 1)
            : (Rational.FromDouble(spec[To]) - Rational.FromDouble(spec[From])) / (CountOf(spec) - 1);

    private static Rational Offset(ActivationSpec spec, int i) => Rational.FromDouble(spec[From]) + (Step(spec) * i);

    /// <summary>An exact offset as the double pair hi + lo (hi the nearest double).</summary>
    private static (double Hi, double Lo) Pair(Rational offset)
    {
        var hi = offset.ToDouble();
        return (hi, (offset - Rational.FromDouble(hi)).ToDouble());
    }

    /// <summary>Consecutive runs of terms whose offsets span at most <see cref="BlockWidth"/>.</summary>
    private static IEnumerable<(int Start, int End)> Blocks(ActivationSpec spec)
    {
        var step = Step(spec);
        var start = 0;
        while (start < CountOf(spec))
        {
            var end = start + 1;
            while (end < CountOf(spec) && (step * (end - start)).CompareTo(BlockWidth) <= 0)
            {
                end++;
            }

            yield return (start, end);
            start = end;
        }
    }
}
