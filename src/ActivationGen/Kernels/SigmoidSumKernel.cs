using System.Collections.Generic;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Sum of shifted sigmoids, Scale·Σ σ(x - o_i). The offsets are cut at compile time into blocks no wider than
/// <see cref="BlockWidth"/>; per block and element two exponentials, e^(x - lowest offset) and e^(highest offset - x),
/// serve every term through e^-|x - o_i| = (one of them)·(a compile-time constant ≤ 1). Both carry a factor 2^200 so
/// that terms deep in the left tail keep full precision, and the sum is Kahan-compensated for double.
/// </summary>
internal sealed class SigmoidSumKernel : Kernel
{
    public static readonly SigmoidSumKernel Instance = new();

    /// <summary>The widest span of offsets one pair of exponentials serves (e^32 cannot overflow anything).</summary>
    private const int BlockWidth = 32;

    private const int Shift = 200;
    private const double TwoToShift = 1.6069380442589903E+60;
    private const double TwoToMinusShift = 6.223015277861142E-61;

    public override string Describe(ActivationSpec spec)
    {
        var scale = spec.Scale == 1 ? string.Empty : Literals.Readable(spec.Scale) + "·";
        var offsets = spec.Count == 1
            ? $"o_0 = {Literals.Readable(spec.From)}"
            : $"o_i = {Literals.Readable(spec.From)} + i·{Literals.Readable(Step(spec).ToDouble())} (From = {Literals.Readable(spec.From)} to To = {Literals.Readable(spec.To)})";
        var blocks = System.Linq.Enumerable.Count(Blocks(spec));
        return $"Sum of {spec.Count} sigmoid{(spec.Count == 1 ? string.Empty : "s")}: f(x) = {scale}Σ_{{i=0}}^{{{spec.Count - 1}}} σ(x - o_i), {offsets}; "
            + $"f'(x) = {scale}Σ σ(x - o_i)·σ(o_i - x). Per element, {2 * blocks} exponential{(blocks == 1 ? "s serve" : "s serve")} all terms.";
    }

    /// <summary>One double division per two terms: 256-bit divisions have twice the throughput of 512-bit ones here.</summary>
    public override bool PreferVector512 => false;

    public override void WriteMembers(CodeWriter writer, ActivationSpec spec)
    {
        writer.Line("/// <summary>Per term: the offset o_i, e^(o_i - highest offset of its block), e^(lowest offset of its block - o_i).</summary>");
        writer.Line("private static global::System.ReadOnlySpan<double> Terms => new double[]");
        writer.Line("{");
        using (writer.Indent())
        {
            foreach (var block in Blocks(spec))
            {
                for (var i = block.Start; i < block.End; i++)
                {
                    var offset = Offset(spec, i);
                    var toHigh = Step(spec) * (block.End - 1 - i);
                    var fromLow = Step(spec) * (i - block.Start);
                    writer.Line($"{Literals.Double(offset.ToDouble())}, {Literals.Double(Rational.ExpNegative(toHigh))}, {Literals.Double(Rational.ExpNegative(fromLow))},");
                }
            }
        }

        writer.Line("};");
    }

    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        WriteSums(writer, spec, element, forward: true, derivative: false);

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        WriteSums(writer, spec, element, forward: false, derivative: true);

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        WriteSums(writer, spec, element, forward: true, derivative: true);

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
        var blockIndex = 0;
        foreach (var block in Blocks(spec))
        {
            var low = Offset(spec, block.Start);
            var high = Offset(spec, block.End - 1);
            var lowHi = low.ToDouble();
            var highHi = high.ToDouble();
            var b = blockIndex++;
            writer.Line($"// Terms {block.Start} to {block.End - 1}: offsets {Literals.Readable(lowHi)} to {Literals.Readable(highHi)}.");
            if (low.Numerator.IsZero)
            {
                writer.Line($"var low{b} = {{M}}.Exp(x, {Shift}); // e^(x - o_{block.Start})·2^{Shift}");
            }
            else
            {
                writer.Line($"var low{b} = {{M}}.Exp({{M}}.Subtract(x, {Literals.Double(lowHi)}, {Literals.Double((low - Rational.FromDouble(lowHi)).ToDouble())}, out var lowError{b}), lowError{b}, {Shift}); // e^(x - o_{block.Start})·2^{Shift}");
            }

            if (high.Numerator.IsZero)
            {
                writer.Line($"var high{b} = {{M}}.Exp(-x, {Shift}); // e^(o_{block.End - 1} - x)·2^{Shift}");
            }
            else
            {
                writer.Line($"var high{b} = {{M}}.Subtract(x, {Literals.Double(highHi)}, {Literals.Double((high - Rational.FromDouble(highHi)).ToDouble())}, out var highError{b});");
                writer.Line($"high{b} = {{M}}.Exp(-high{b}, -highError{b}, {Shift}); // e^(o_{block.End - 1} - x)·2^{Shift}");
            }
            // Two terms share one division: n_a/d_a + n_b/d_b = (n_a·d_b + n_b·d_a)/(d_a·d_b).
            var pairsEnd = block.Start + ((block.End - block.Start) / 2 * 2);
            if (pairsEnd > block.Start)
            {
                using (writer.Block($"for (var i = {3 * block.Start}; i < {3 * pairsEnd}; i += 6)"))
                {
                    WriteTerm(writer, "A", "i", b, forward);
                    WriteTerm(writer, "B", "i + 3", b, forward);
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
            }

            if (pairsEnd < block.End)
            {
                using (writer.Block(string.Empty))
                {
                    WriteTerm(writer, "A", (3 * pairsEnd).ToString(System.Globalization.CultureInfo.InvariantCulture), b, forward);
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

    /// <summary>One term's e^-|x - o_i|·2^200 (scaled), 1 + e^-|x - o_i| (denominator) and σ's numerator·2^200.</summary>
    private static void WriteTerm(CodeWriter writer, string suffix, string index, int block, bool forward)
    {
        writer.Line($"var above{suffix} = {{V}}.GreaterThanOrEqual(x, {{V}}.Create(terms[{index}]));");
        writer.Line($"var scaled{suffix} = {{V}}.ConditionalSelect(above{suffix}, high{block} * {{V}}.Create(terms[{index} + 1]), low{block} * {{V}}.Create(terms[{index} + 2]));");
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

    /// <summary>Undoes the 2^200 and applies Scale, in one rounding where the combined factor is a normal number.</summary>
    private static string Finish(ActivationSpec spec, string total)
    {
        var combined = spec.Scale * TwoToMinusShift;
        if (spec.Scale == 0 || System.Math.Abs(combined) >= 2.2250738585072014E-308)
        {
            return $"{total} * {{V}}.Create({Literals.Double(combined)})";
        }

        return $"{total} * {{V}}.Create({Literals.Double(TwoToMinusShift)}) * {{V}}.Create({Literals.Double(spec.Scale)})";
    }

    private static Rational Step(ActivationSpec spec) =>
        spec.Count == 1
            ? new Rational(0, 1)
            : (Rational.FromDouble(spec.To) - Rational.FromDouble(spec.From)) / (spec.Count - 1);

    private static Rational Offset(ActivationSpec spec, int i) => Rational.FromDouble(spec.From) + (Step(spec) * i);

    /// <summary>Consecutive runs of terms whose offsets span at most <see cref="BlockWidth"/>.</summary>
    private static IEnumerable<(int Start, int End)> Blocks(ActivationSpec spec)
    {
        var step = Step(spec);
        var start = 0;
        while (start < spec.Count)
        {
            var end = start + 1;
            while (end < spec.Count && (step * (end - start)).CompareTo(BlockWidth) <= 0)
            {
                end++;
            }

            yield return (start, end);
            start = end;
        }
    }
}
