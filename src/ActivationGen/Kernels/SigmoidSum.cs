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
/// Sum of shifted sigmoids, Scale·Σ σ(x - o_i), equally spaced offsets (../shared/design/SIGMOID-SUM.md). Three methods,
/// chosen at compile time: for a total range up to 1, a Taylor series about the midpoint (Count·σ plus even-order terms,
/// one exponential per element); for spacings up to 0.3, the Euler–Maclaurin formula (the closed-form integral,
/// the trapezoid ends and Bernoulli corrections at both ends, two exponentials per element), the number of terms of
/// either series chosen from the spacing and the element type; otherwise (few terms, or wide spacings) the direct sum in
/// blocks. The series' far tails are closed forms, a constant times one exponential scaled by 2^800 (2^64 in float lanes:
/// the series run in float lanes for float elements, see <see cref="ComputeType"/>). The direct sum:
/// the offsets are cut at compile time into blocks no wider than <see cref="BlockWidth"/>; per block and element two
/// exponentials, e^(x - lowest offset) and e^(highest offset - x), serve every term through e^-|x - o_i| = (one of
/// them)·(a compile-time constant ≤ 1). Both carry a factor 2^800 so that terms deep in the left tail keep full
/// precision (also once a Scale up to 1e200 multiplies the sum), and the sum is Kahan-compensated for double. The
/// constants are tables in the operator and the code loops over them, so that code grows with Count by one table line
/// per term.
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
        with <see cref="Derivative"/>, f'(x) = Scale · Σ σ'(x - o_i). The cost does not grow with Count where the offsets
        are close: for a total range To - From up to 1, a Taylor series about the offsets' midpoint (one exponential per
        element); for a spacing up to 0.3, the Euler–Maclaurin formula (the integral in closed form plus corrections at both
        ends: two exponentials per element). Otherwise the terms are summed, one pair of exponentials per element serving all
        those whose offsets lie within a span of 32. The constants are computed at compile time.
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

    /// <summary>
    /// The scaling of the series' exponentials in float lanes: e^-|z|·2^64 stays normal down to |z| = 131, below which the
    /// tails' results (Scale·Σe^(-i·h)·e^z at most 2^37·e^z in float lanes) are no longer float numbers.
    /// </summary>
    private const int FloatShift = 64;

    /// <summary>The scaling 2^shift of the series' exponentials in the compute type's lanes.</summary>
    private static int ShiftFor(ElementType compute) => compute == ElementType.Single ? FloatShift : Shift;

    /// <summary>2^-shift for <see cref="ShiftFor"/>.</summary>
    private static double UnscaleFor(ElementType compute) => compute == ElementType.Single ? Math.Pow(2, -FloatShift) : TwoToMinusShift;

    /// <summary>The smallest normal number of the compute type.</summary>
    private static double SmallestNormal(ElementType compute) => compute == ElementType.Single ? 1.1754943508222875E-38 : 2.2250738585072014E-308;

    public override string Describe(ActivationSpec spec)
    {
        var scale = spec[Scale] == 1 ? string.Empty : Literals.Readable(spec[Scale]) + "·";
        var offsets = CountOf(spec) == 1
            ? $"o_0 = {Literals.Readable(spec[From])}"
            : $"o_i = {Literals.Readable(spec[From])} + i·{Literals.Readable(Step(spec).ToDouble())} (From = {Literals.Readable(spec[From])} to To = {Literals.Readable(spec[To])})";
        var blocks = Blocks(spec).Count();
        var method = Choose(spec, ElementType.Double).Method switch
        {
            Method.EulerMaclaurin => "Computed by the Euler–Maclaurin formula (the integral, the trapezoid ends and Bernoulli corrections at both ends): two exponentials per element, whatever Count is.",
            Method.Taylor => "Computed as a Taylor series about the offsets' midpoint (Count·σ plus even-order corrections): one exponential per element, whatever Count is.",
            _ => $"Per element, {2 * blocks} exponentials serve all terms.",
        };
        return $"Sum of {CountOf(spec)} sigmoid{(CountOf(spec) == 1 ? string.Empty : "s")}: f(x) = {scale}Σ_{{i=0}}^{{{CountOf(spec) - 1}}} σ(x - o_i), {offsets}; "
            + $"f'(x) = {scale}Σ σ(x - o_i)·σ(o_i - x). {method}";
    }

    /// <summary>
    /// Direct sums: one double division per two terms, and 256-bit divisions have twice the throughput of 512-bit ones
    /// here. The series: 512-bit vectors.
    /// </summary>
    public override bool PreferVector512For(ActivationSpec spec) => !IsDirect(spec);

    /// <inheritdoc/>
    public override bool IsLong(ActivationSpec spec, bool withDerivative) => true;

    /// <summary>
    /// The series run in float lanes for float elements where float can carry every constant: offsets within
    /// ±<see cref="MaxFloatOffset"/> (kept as float pairs, exact to 2^-48 relative) and Scale zero or between
    /// 2^<see cref="MinFloatScaleExponent"/> and 2^<see cref="MaxFloatScaleExponent"/> in magnitude (so that the tails'
    /// combined factor Scale·Σe^(-i·h)·2^-<see cref="FloatShift"/> is a normal float). The direct sums, and every other
    /// float case, compute in double lanes.
    /// </summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element)
    {
        var scale = Math.Abs(spec[Scale]);
        var floatable = element == ElementType.Single
            && !IsDirect(spec)
            && Math.Max(Math.Abs(spec[From]), Math.Abs(spec[To])) <= MaxFloatOffset
            && (scale == 0 || (scale >= Math.Pow(2, MinFloatScaleExponent) && scale <= Math.Pow(2, MaxFloatScaleExponent)));
        return floatable ? ElementType.Single : ElementType.Double;
    }

    /// <summary>The largest |From|, |To| of a float-lane series: an offset's float pair leaves at most |o|·2^-48 of it out, 2^-28 of z.</summary>
    private const double MaxFloatOffset = 1 << 20;

    /// <summary>Scale's range for float lanes (see <see cref="ComputeType"/>).</summary>
    private const int MinFloatScaleExponent = -40;

    private const int MaxFloatScaleExponent = 24;

    public override void WriteMembers(CodeWriter writer, ActivationSpec spec)
    {
        if (!IsDirect(spec))
        {
            return;
        }

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

    /// <summary>
    /// Direct sums: f and f' share their loops over the terms, so the fused shape writes them together. The series write
    /// shared statements, then f and f' (the base class's order).
    /// </summary>
    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (Choose(spec, element).Method == Method.Direct)
        {
            WriteSums(writer, spec, element, forward: true, derivative: true);
        }
        else
        {
            base.WriteFused(writer, spec, element, compute);
        }
    }

    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        var (method, _) = Choose(spec, element);
        if (method == Method.EulerMaclaurin)
        {
            WriteEndsShared(writer, spec, element, compute);
        }
        else if (method == Method.Taylor)
        {
            WriteMidpointShared(writer, spec, element, compute);
        }
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var (method, order) = Choose(spec, element);
        switch (method)
        {
            case Method.EulerMaclaurin:
                WriteEulerMaclaurinValue(writer, spec, compute, order);
                break;
            case Method.Taylor:
                WriteTaylorValue(writer, spec, compute, order);
                break;
            default:
                WriteSums(writer, spec, element, forward: true, derivative: false);
                break;
        }
    }

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var (method, order) = Choose(spec, element);
        switch (method)
        {
            case Method.EulerMaclaurin:
                WriteEulerMaclaurinSlope(writer, spec, compute, order);
                break;
            case Method.Taylor:
                WriteTaylorSlope(writer, spec, compute, order);
                break;
            default:
                WriteSums(writer, spec, element, forward: false, derivative: true);
                break;
        }
    }

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

    /// <summary>How the sum is computed (SIGMOID-SUM.md): term by term, or by one of two series whose cost does not depend on Count.</summary>
    private enum Method
    {
        /// <summary>Term by term in blocks (few terms, or a spacing too wide for Euler–Maclaurin).</summary>
        Direct,

        /// <summary>The integral, the trapezoid ends and K Bernoulli corrections at both ends (spacing up to <see cref="MaxSeriesSpacing"/>).</summary>
        EulerMaclaurin,

        /// <summary>n·σ at the midpoint plus even Taylor terms (total range up to <see cref="MaxTaylorRange"/>, where the integral cancels).</summary>
        Taylor,
    }

    /// <summary>Up to this Count the direct sum is as cheap as a series (one pair of exponentials, a division per two terms).</summary>
    private const int MaxDirectCount = 4;

    /// <summary>
    /// The widest spacing for Euler–Maclaurin: its series diverges (σ has poles at ±iπ) and at h = 0.3 the double
    /// tolerance takes K = 10 corrections; beyond it the terms are few per unit and summed directly.
    /// </summary>
    private const double MaxSeriesSpacing = 0.3;

    /// <summary>
    /// Up to this total range the sum is a Taylor series about the midpoint (its terms fall as (range/2π)^2 per order);
    /// above it Euler–Maclaurin, whose integral term loses up to a factor 1/(1 - e^-range) to cancellation in the left tail.
    /// </summary>
    private const double MaxTaylorRange = 1;

    /// <summary>
    /// Beyond this distance below the lowest offset (and above the highest, for f'), every term is e^(x - o_i) (or
    /// e^(o_i - x)) to within e^-40 relative, so the sum is a constant times one exponential: its far tails in closed form,
    /// computed scaled by 2^<see cref="Shift"/> so that they keep their digits down to where Scale·f leaves the normals.
    /// </summary>
    private const double TailDistance = 40;

    /// <summary>The first left-out term of a series, relative to the sum: far below an ULP of double, or of float.</summary>
    private static double Tolerance(ElementType element) => element == ElementType.Double ? Math.Pow(2, -56) : Math.Pow(2, -30);

    /// <summary>The method (the same for float and double: the operator's tables depend on it) and the order for the element type.</summary>
    private static (Method Method, int Order) Choose(ActivationSpec spec, ElementType element)
    {
        var n = CountOf(spec);
        if (n <= MaxDirectCount)
        {
            return (Method.Direct, 0);
        }

        var range = (Step(spec) * (n - 1)).ToDouble();
        if (range <= MaxTaylorRange)
        {
            return (Method.Taylor, SigmoidSumSeries.TaylorOrder(range, Tolerance(element)) ?? throw new InvalidOperationException("no Taylor order"));
        }

        var h = Step(spec).ToDouble();
        return h <= MaxSeriesSpacing
            ? (Method.EulerMaclaurin, SigmoidSumSeries.EulerMaclaurinOrder(h, Tolerance(element)) ?? throw new InvalidOperationException("no Euler-Maclaurin order"))
            : (Method.Direct, 0);
    }

    private static bool IsDirect(ActivationSpec spec) => Choose(spec, ElementType.Double).Method == Method.Direct;

    /// <summary>The tails' constant: Σ e^(-i·h) at the ends (Euler–Maclaurin), Σ e^(m - o_i) at the midpoint (Taylor).</summary>
    private static double TailConstant(ActivationSpec spec) =>
        Choose(spec, ElementType.Double).Method == Method.Taylor ? MidpointTail(spec) : SigmoidSumSeries.GeometricSum(CountOf(spec), Step(spec), new Rational(0, 1));

    /// <summary>
    /// Euler–Maclaurin: for both ends, z = x - a and x - b exact as pairs, t = e^-|z| (scaled for the tails and
    /// unscaled), r = 1/(1 + t) (one division for both), σ(z) (s) and σ'(z) = t·r² (p).
    /// </summary>
    private static void WriteEndsShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteExponential(writer, element, compute, "a", Pair(Offset(spec, 0)), "the lowest offset");
        WriteExponential(writer, element, compute, "b", Pair(Offset(spec, CountOf(spec) - 1)), "the highest offset");
        if (compute == ElementType.Single)
        {
            WriteSigmoidPair(writer, "a", "za", HasLow(Offset(spec, 0)));
            WriteSigmoidPair(writer, "b", "zb", HasLow(Offset(spec, CountOf(spec) - 1)));
            return;
        }

        writer.Line("var onePlusTa = {VD}.One + ta;");
        writer.Line("var onePlusTb = {VD}.One + tb;");
        writer.Line("var reciprocal = {VD}.One / (onePlusTa * onePlusTb); // one division for both ends");
        writer.Line("var ra = reciprocal * onePlusTb; // 1/(1 + ta)");
        writer.Line("var rb = reciprocal * onePlusTa;");

        WriteSigmoidParts(writer, "a", "za");
        WriteSigmoidParts(writer, "b", "zb");
    }

    /// <summary>
    /// z = x - offset, and t = e^-|z| scaled by 2^shift (for the tails) and unscaled. In lanes of the element type z is
    /// exact as a pair (one rounding of z would move e^-|z| by up to |z|·2^-53, tens of double ULP, or |z|·2^-24 in float);
    /// for float elements in double lanes the double difference x - hi is enough: its rounding and the offset's low part
    /// (at most 2^-53 relative to the offset, 1e-10 for offsets near 1e6) move e^-|z| by far less than a float ULP.
    /// </summary>
    private static void WriteExponential(CodeWriter writer, ElementType element, ElementType compute, string end, (double Hi, double Lo) offset, string what)
    {
        var shift = ShiftFor(compute).ToString(CultureInfo.InvariantCulture);
        var pair = Split(offset.Hi, offset.Lo, compute);
        var exact = element == compute;
        if (pair.Hi == 0 && pair.Lo == 0)
        {
            writer.Line($"var z{end} = x; // x - {what} (0)");
            writer.Line($"var z{end}Low = {{VD}}.Zero;");
        }
        else if (exact)
        {
            writer.Line($"var z{end} = {{M}}.Subtract(x, {Literals.Of(pair.Hi, compute)}, {Literals.Of(pair.Lo, compute)}, out var z{end}Low); // x - {what}, exact as a pair");
        }
        else
        {
            writer.Line($"var z{end} = x - {Constant(pair.Hi, compute)}; // x - {what}");
            writer.Line($"var z{end}Low = {{VD}}.Zero;");
        }

        // In float lanes the argument is at most 0 (ExpNonPositive clamps only from below), and a float offset's low part
        // can exceed z (z = 0 where x is the offset's high part): the sign is the pair's.
        var hasLow = exact && !(pair.Hi == 0 && pair.Lo == 0);
        string exp;
        if (compute == ElementType.Single && hasLow)
        {
            writer.Line($"var above{end} = {{V}}.GreaterThanOrEqual(z{end}, -z{end}Low); // x ≥ {what}, from the exact pair");
            exp = $"{{M}}.ExpNonPositive({{V}}.ConditionalSelect(above{end}, -z{end}, z{end}), {{V}}.ConditionalSelect(above{end}, -z{end}Low, z{end}Low), {shift})";
        }
        else if (compute == ElementType.Single)
        {
            exp = $"{{M}}.ExpNonPositive(-{{V}}.Abs(z{end}), {shift})";
        }
        else
        {
            exp = hasLow ? ExpOfMinusAbs("z" + end, "z" + end + "Low", shift) : $"{{M}}.Exp(-{{V}}.Abs(z{end}), {shift})";
        }

        writer.Line($"var t{end}Scaled = {exp}; // e^-|z|·2^{shift}");
        writer.Line($"var t{end} = t{end}Scaled * {Constant(UnscaleFor(compute), compute)}; // exact where e^-|z| is normal");
    }

    /// <summary>
    /// In float lanes, where the ends' σ are added and subtracted and each must be within half an ULP: r = 1/(1 + t),
    /// σ(z) (s), σ(-z) (u) and σ'(z) = s·u (p), the roundings of 1 + t and of the quotients put back.
    /// </summary>
    /// <param name="slopeFromQuotient">
    /// p as t/(1 + t)² with its roundings put back (one more division, half an ULP) rather than s·u (1.5 ULP): where
    /// f' is p times a polynomial (the Taylor series), p's error is most of f''s.
    /// </param>
    private static void WriteSigmoidPair(CodeWriter writer, string end, string z, bool hasLow, bool slopeFromQuotient = false)
    {
        writer.Line($"var r{end} = {{M}}.SigmoidPair(t{end}, out var q{end}); // 1/(1 + t) and t/(1 + t), the roundings put back");
        if (!hasLow)
        {
            writer.Line($"var above{end} = {{V}}.GreaterThanOrEqual({z}, {{VD}}.Zero);");
        }

        writer.Line($"var s{end} = {{V}}.ConditionalSelect(above{end}, r{end}, q{end}); // σ(z)");
        writer.Line($"var u{end} = {{V}}.ConditionalSelect(above{end}, q{end}, r{end}); // σ(-z)");
        writer.Line(slopeFromQuotient ? $"var p{end} = {{M}}.DivideByOnePlusSquared(t{end}); // σ'(z)" : $"var p{end} = s{end} * u{end}; // σ'(z)");
    }

    /// <summary>
    /// The test x &gt; o_i for an end (a or b) as a mask: in float lanes from the exact pair z + zLow (a z of 0 with a
    /// positive low part is above: the low parts of float offsets are large enough to matter), in double lanes from z.
    /// </summary>
    private static string Above(ActivationSpec spec, ElementType compute, string end, int index) =>
        compute == ElementType.Single && HasLow(Offset(spec, index))
            ? $"{{V}}.GreaterThan(z{end}, -z{end}Low)"
            : $"{{V}}.GreaterThan(z{end}, {{VD}}.Zero)";

    /// <summary>Whether x - offset is a pair with a low part in float lanes (every offset but an exact 0).</summary>
    private static bool HasLow(Rational offset)
    {
        var pair = Pair(offset);
        return !(pair.Hi == 0 && pair.Lo == 0);
    }

    /// <summary>σ(z) (s) and σ'(z) = t·r² (p) from t and r = 1/(1 + t).</summary>
    private static void WriteSigmoidParts(CodeWriter writer, string end, string z)
    {
        writer.Line($"var above{end} = {{V}}.GreaterThanOrEqual({z}, {{VD}}.Zero);");
        writer.Line($"var s{end} = {{V}}.ConditionalSelect(above{end}, r{end}, t{end} * r{end}); // σ(z)");
        writer.Line($"var p{end} = t{end} * r{end} * r{end}; // σ'(z) = σ(z)·σ(-z)");
    }

    /// <summary>
    /// f = Scale·[(softplus(x - a) - softplus(x - b))/h + (σ(x - a) + σ(x - b))/2 + p_a·E(p_a) - p_b·E(p_b)]: the softplus
    /// difference as (max(x - a, 0) - max(x - b, 0) + ln((1 + t_a)/(1 + t_b)))/h, the logarithm as ±log1p(|t_a - t_b|/(1 +
    /// the smaller)) (argument in [0, 1], no cancellation of 1s), and above b the first part (b - a)/h = Count - 1 exactly.
    /// Far below a, the closed form Scale·Σ e^(-i·h)·e^(x - a).
    /// </summary>
    private static void WriteEulerMaclaurinValue(CodeWriter writer, ActivationSpec spec, ElementType compute, int order)
    {
        var (e, _) = SigmoidSumSeries.EulerMaclaurin(Fraction.From(Step(spec)), order);
        var n = CountOf(spec);
        var (aboveA, aboveB) = (Above(spec, compute, "a", 0), Above(spec, compute, "b", n - 1));
        writer.Line("var aLarger = {V}.GreaterThanOrEqual(ta, tb);");
        writer.Line($"var between = {aboveA} & ~{aboveB}; // a < x ≤ b: max(x - a, 0) - max(x - b, 0) = x - a");
        if (compute == ElementType.Single)
        {
            // Outside [a, b] both exponentials come from one side: |ta - tb| = (the larger)·(1 - e^-(b - a)), no cancellation.
            var range = Step(spec) * (n - 1);
            var oneSide = range.CompareTo(64) > 0 ? 1 : 1 - Rational.ExpNegative(range);
            writer.Line("var larger = {V}.Max(ta, tb);");
            writer.Line($"var gap = {{V}}.ConditionalSelect(between, {{V}}.Abs(ta - tb), {Times("larger", Split(oneSide, 0, compute), compute)}); // |ta - tb|");
            writer.Line("var log = {M}.Log1pUnit(gap * {V}.ConditionalSelect(aLarger, rb, ra)); // ln(1 + |ta - tb|/(1 + the smaller))");
        }
        else
        {
            writer.Line("var log = {M}.Log1pUnit({V}.Abs(ta - tb) * {V}.ConditionalSelect(aLarger, rb, ra)); // ln(1 + |ta - tb|/(1 + the smaller))");
        }

        writer.Line("var logRatio = {V}.ConditionalSelect(aLarger, log, -log); // ln((1 + ta)/(1 + tb))");
        writer.Line("var difference = {V}.ConditionalSelect(between, za, {VD}.Zero) + ({V}.ConditionalSelect(between, zaLow, {VD}.Zero) + logRatio);");
        var reciprocal = Pair(new Rational(Step(spec).Denominator, Step(spec).Numerator));
        writer.Line($"var integral = {{V}}.ConditionalSelect({aboveB}, {Constant(n - 1, compute)}, {{VD}}.Zero) + {Times("difference", Split(reciprocal.Hi, reciprocal.Lo, compute), compute)}; // (softplus(x - a) - softplus(x - b))/h");
        writer.Line($"var corrections = {{V}}.FusedMultiplyAdd(pa, {Polynomial(e, "pa", compute)}, -(pb * {Polynomial(e, "pb", compute)}));");
        writer.Line($"var sum = integral + {{V}}.FusedMultiplyAdd(sa + sb, {Constant(0.5, compute)}, corrections);");
        writer.Line($"var y = {{V}}.ConditionalSelect({{V}}.LessThan(za, {Constant(-TailDistance, compute)}), {TailTimes(spec, compute, "taScaled")}, {ScaleTimes(spec, compute, "sum")});");
    }

    /// <summary>
    /// f' = Scale·[(σ(x - a) - σ(x - b))/h + (p_a + p_b)/2 + p_a·d_a·G(p_a) - p_b·d_b·G(p_b)], d = σ(-z) - σ(z); the first
    /// difference as σ(b - x) - σ(a - x) above b (both small there). Far below a and far above b, closed forms.
    /// </summary>
    private static void WriteEulerMaclaurinSlope(CodeWriter writer, ActivationSpec spec, ElementType compute, int order)
    {
        var (_, g) = SigmoidSumSeries.EulerMaclaurin(Fraction.From(Step(spec)), order);
        if (compute != ElementType.Single)
        {
            writer.Line("var ua = {V}.ConditionalSelect(abovea, ta * ra, ra); // σ(a - x)");
            writer.Line("var ub = {V}.ConditionalSelect(aboveb, tb * rb, rb); // σ(b - x)");
        }

        writer.Line("var da = {V}.ConditionalSelect(abovea, ta - {VD}.One, {VD}.One - ta) * ra; // σ(a - x) - σ(x - a)");
        writer.Line("var db = {V}.ConditionalSelect(aboveb, tb - {VD}.One, {VD}.One - tb) * rb;");
        writer.Line($"var steps = {{V}}.ConditionalSelect({Above(spec, compute, "b", CountOf(spec) - 1)}, ub - ua, sa - sb); // σ(x - a) - σ(x - b)");
        var reciprocal = Pair(new Rational(Step(spec).Denominator, Step(spec).Numerator));
        writer.Line($"var slopeCorrections = {{V}}.FusedMultiplyAdd(pa * da, {Polynomial(g, "pa", compute)}, -(pb * db * {Polynomial(g, "pb", compute)}));");
        writer.Line($"var slopeSum = {Times("steps", Split(reciprocal.Hi, reciprocal.Lo, compute), compute)} + {{V}}.FusedMultiplyAdd(pa + pb, {Constant(0.5, compute)}, slopeCorrections);");
        var distance = Constant(TailDistance, compute);
        writer.Line($"var dy = {{V}}.ConditionalSelect({{V}}.LessThan(za, -{distance}), {TailTimes(spec, compute, "taScaled")}, {{V}}.ConditionalSelect({{V}}.GreaterThan(zb, {distance}), {TailTimes(spec, compute, "tbScaled")}, {ScaleTimes(spec, compute, "slopeSum")}));");
    }

    /// <summary>Taylor about the midpoint m: w = x - m exact as a pair, and the same parts as at the ends.</summary>
    private static void WriteMidpointShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteExponential(writer, element, compute, "m", Pair(Midpoint(spec)), "the midpoint of the offsets");
        if (compute == ElementType.Single)
        {
            WriteSigmoidPair(writer, "m", "zm", HasLow(Midpoint(spec)), slopeFromQuotient: true);
            return;
        }

        writer.Line("var rm = {VD}.One / ({VD}.One + tm);");
        WriteSigmoidParts(writer, "m", "zm");
    }

    /// <summary>f = Scale·(n·s + p·d·T(p)); far below the offsets, the closed form Scale·Σ e^(m - o_i)·e^(x - m).</summary>
    private static void WriteTaylorValue(CodeWriter writer, ActivationSpec spec, ElementType compute, int order)
    {
        var (t, _) = SigmoidSumSeries.Taylor(CountOf(spec), Fraction.From(Step(spec)), order);
        writer.Line("var dm = {V}.ConditionalSelect(abovem, tm - {VD}.One, {VD}.One - tm) * rm; // σ(m - x) - σ(x - m)");
        writer.Line($"var sum = {{V}}.FusedMultiplyAdd(pm * dm, {Polynomial(t, "pm", compute)}, sm * {Constant(CountOf(spec), compute)});");
        writer.Line($"var y = {{V}}.ConditionalSelect({{V}}.LessThan(zm, {Constant(-TaylorTail, compute)}), {TailTimes(spec, compute, "tmScaled")}, {ScaleTimes(spec, compute, "sum")});");
    }

    /// <summary>f' = Scale·p·U(p); far from the offsets on either side, the closed form.</summary>
    private static void WriteTaylorSlope(CodeWriter writer, ActivationSpec spec, ElementType compute, int order)
    {
        var (_, u) = SigmoidSumSeries.Taylor(CountOf(spec), Fraction.From(Step(spec)), order);
        writer.Line($"var slopeSum = pm * {Polynomial(u, "pm", compute)};");
        writer.Line($"var dy = {{V}}.ConditionalSelect({{V}}.GreaterThan({{V}}.Abs(zm), {Constant(TaylorTail, compute)}), {TailTimes(spec, compute, "tmScaled")}, {ScaleTimes(spec, compute, "slopeSum")});");
    }

    /// <summary>The midpoint's tail threshold: the ends lie within half the range (at most 1/2) of it.</summary>
    private const double TaylorTail = TailDistance + 1;

    /// <summary>Σ e^(m - o_i) = e^(range/2)·Σ e^(-i·h) (n for a zero range).</summary>
    private static double MidpointTail(ActivationSpec spec) =>
        Step(spec).Numerator.IsZero ? CountOf(spec) : SigmoidSumSeries.GeometricSum(CountOf(spec), Step(spec), Step(spec) * (CountOf(spec) - 1) / 2);

    private static Rational Midpoint(ActivationSpec spec) => Rational.FromDouble(spec[From]) + (Step(spec) * (CountOf(spec) - 1) / 2);

    /// <summary>
    /// A closed-form tail: Scale·constant·(e^±z·2^shift)·2^-shift, in one rounding where the combined factor is a normal
    /// number.
    /// </summary>
    private static string TailTimes(ActivationSpec spec, ElementType compute, string scaled)
    {
        var unscale = UnscaleFor(compute);
        var combined = spec[Scale] * TailConstant(spec) * unscale;
        if (spec[Scale] == 0 || Math.Abs(combined) >= SmallestNormal(compute))
        {
            return Times(scaled, Split(combined, 0, compute), compute);
        }

        return $"{scaled} * {{V}}.Create({Literals.Of(TailConstant(spec) * unscale, compute)}) * {{V}}.Create({Literals.Of(spec[Scale], compute)})";
    }

    /// <summary>Scale·total (a series' sum, not scaled).</summary>
    private static string ScaleTimes(ActivationSpec spec, ElementType compute, string total) =>
        Times(total, Split(spec[Scale], 0, compute), compute);

    /// <summary>A polynomial (coefficients lowest degree first) in the variable by Horner's rule with fused multiply-adds.</summary>
    private static string Polynomial(double[] coefficients, string variable, ElementType compute)
    {
        var length = coefficients.Length;
        while (length > 1 && coefficients[length - 1] == 0)
        {
            length--; // the recurrence leaves zero leading coefficients
        }

        coefficients = coefficients.Take(length).ToArray();
        var text = Constant(coefficients[coefficients.Length - 1], compute);
        for (var i = coefficients.Length - 2; i >= 0; i--)
        {
            text = $"{{V}}.FusedMultiplyAdd({text}, {variable}, {Constant(coefficients[i], compute)})";
        }

        return text;
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
