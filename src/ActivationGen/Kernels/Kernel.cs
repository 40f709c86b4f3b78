using System;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// One activation's math, written once over lanes of the compute type (<see cref="ComputeType"/>: the element type
/// itself where that keeps the accuracy contract, else double) and rendered by the emitter for 128-, 256- and 512-bit
/// vectors (the scalar method runs the 128-bit rendering on one lane). Statements use three tokens:
/// <c>{V}</c> (the static vector class), <c>{VD}</c> (the vector type of the compute type) and <c>{M}</c> (ActivationGen's
/// math helpers, overloaded for float and double).
/// The input is <c>x</c>; the forward statements end by declaring <c>y</c>, the derivative statements <c>dy</c>, the
/// fused statements both (with exactly the same values as the separate ones).
/// </summary>
internal abstract class Kernel
{
    public static Kernel For(ActivationKind kind) => kind switch
    {
        ActivationKind.Sigmoid => SigmoidKernel.Instance,
        ActivationKind.SigmoidSum => SigmoidSumKernel.Instance,
        ActivationKind.Softplus => SoftplusKernel.Instance,
        ActivationKind.Relu => ReluKernel.Instance,
        ActivationKind.Elu => EluKernel.Instance,
        ActivationKind.LeakyRelu => LeakyReluKernel.Instance,
        ActivationKind.Selu => SeluKernel.Instance,
        ActivationKind.Celu => CeluKernel.Instance,
        ActivationKind.Gelu => GeluKernel.Instance,
        ActivationKind.Silu => SiluKernel.Instance,
        ActivationKind.Mish => MishKernel.Instance,
        ActivationKind.Tanh => TanhKernel.Instance,
        ActivationKind.Softsign => SoftsignKernel.Instance,
        ActivationKind.LogSigmoid => LogSigmoidKernel.Instance,
        ActivationKind.HardSigmoid => HardSigmoidKernel.Instance,
        ActivationKind.HardSwish => HardSwishKernel.Instance,
        ActivationKind.HardTanh => HardTanhKernel.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The function and its derivative as text for the generated method's remarks (XML-escaped).</summary>
    public abstract string Describe(ActivationSpec spec);

    /// <summary>The type the lanes are computed in: double unless a kernel can keep the contract in float.</summary>
    public virtual ElementType ComputeType(ActivationSpec spec, ElementType element) => ElementType.Double;

    /// <summary>Whether the span loops use 512-bit vectors where accelerated (false: 256-bit, measured faster for the kernel).</summary>
    public virtual bool PreferVector512 => true;

    /// <summary>Members of the operator struct besides the core (constant tables).</summary>
    public virtual void WriteMembers(CodeWriter writer, ActivationSpec spec)
    {
    }

    public abstract void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute);

    public abstract void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute);

    /// <summary>f and f' together; by default the two one after the other (kernels that share work override it).</summary>
    public virtual void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteForward(writer, spec, element, compute);
        WriteDerivative(writer, spec, element, compute);
    }

    /// <summary>
    /// f'(x) from the forward result: statements that read <c>y</c> = f(x) and end by declaring <c>dy</c>. Only called for
    /// the parameters <c>AttributeArgumentsParser</c> accepts with <c>FromOutput = true</c>.
    /// </summary>
    public virtual void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotSupportedException(spec.Kind + " has no derivative from the output.");

    /// <summary><c>{V}.Create(value)</c> in the compute type, or the named constant for 0 and 1.</summary>
    protected static string Constant(double value, ElementType compute) => value switch
    {
        0 when System.BitConverter.DoubleToInt64Bits(value) == 0 => "{VD}.Zero",
        1 => "{VD}.One",
        _ => "{V}.Create(" + Literals.Of(value, compute) + ")",
    };

    /// <summary>
    /// <c>value·factor</c>; in float lanes a factor that is not a float is applied as a float pair, hi·v + lo·v, so the
    /// product is rounded once. The value must be finite (∞·hi + ∞·lo is NaN when lo &lt; 0).
    /// </summary>
    protected static string Times(string value, double factor, ElementType compute)
    {
        if (factor == 1)
        {
            return value;
        }

        if (compute == ElementType.Double || IsSingleExact(factor))
        {
            return value + " * " + Constant(factor, compute);
        }

        var hi = (float)factor;
        var lo = (float)(factor - hi);
        return $"{{V}}.FusedMultiplyAdd({value}, {Constant(hi, compute)}, {value} * {Constant(lo, compute)})";
    }

    /// <summary>
    /// <c>Select(v &gt; 0, positive, Select(v ≤ 0, notPositive, v))</c>: a step that passes NaN through (both comparisons
    /// are false for NaN).
    /// </summary>
    protected static string Step(string v, string positive, string notPositive) =>
        $"{{V}}.ConditionalSelect({{V}}.GreaterThan({v}, {{VD}}.Zero), {positive}, {{V}}.ConditionalSelect({{V}}.LessThanOrEqual({v}, {{VD}}.Zero), {notPositive}, {v}))";

    /// <summary>Whether a double constant is exactly a float, so float lanes can use it without rounding it.</summary>
    protected static bool IsSingleExact(double value) => (double)(float)value == value;
}
