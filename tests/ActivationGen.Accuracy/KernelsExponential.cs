using System;

namespace ActivationGen.Accuracy;

/// <summary>Selu, Celu, Silu, LogSigmoid and Softplus with Beta (see <see cref="Kernels"/>).</summary>
internal static partial class Kernels
{
    // ---- Selu, LogSigmoid ------------------------------------------------------------------------------------

    [Selu]
    public static partial void Selu(ReadOnlySpan<float> x, Span<float> destination);

    [Selu(Derivative = true)]
    public static partial void SeluDerivative(ReadOnlySpan<float> x, Span<float> destination);

    [LogSigmoid]
    public static partial void LogSigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [LogSigmoid(Derivative = true)]
    public static partial void LogSigmoidDerivative(ReadOnlySpan<float> x, Span<float> destination);

    // ---- Celu ------------------------------------------------------------------------------------------------

    [Celu(Alpha = 1)]
    public static partial void Celu_1(ReadOnlySpan<float> x, Span<float> destination);

    [Celu(Alpha = 1, Derivative = true)]
    public static partial void Celu_1Derivative(ReadOnlySpan<float> x, Span<float> destination);

    [Celu(Alpha = 3)]
    public static partial void Celu_3(ReadOnlySpan<float> x, Span<float> destination);

    [Celu(Alpha = 3, Derivative = true)]
    public static partial void Celu_3Derivative(ReadOnlySpan<float> x, Span<float> destination);

    // Alpha not a float: x/Alpha and the product with Alpha use float pairs.
    [Celu(Alpha = 0.1)]
    public static partial void Celu_0p1(ReadOnlySpan<float> x, Span<float> destination);

    [Celu(Alpha = 0.1, Derivative = true)]
    public static partial void Celu_0p1Derivative(ReadOnlySpan<float> x, Span<float> destination);

    // A large Alpha: x/Alpha is subnormal for the smallest normal x.
    [Celu(Alpha = 100)]
    public static partial void Celu_100(ReadOnlySpan<float> x, Span<float> destination);

    [Celu(Alpha = 100, Derivative = true)]
    public static partial void Celu_100Derivative(ReadOnlySpan<float> x, Span<float> destination);

    [Celu(Alpha = -2)]
    public static partial void Celu_Minus2(ReadOnlySpan<float> x, Span<float> destination);

    [Celu(Alpha = -2, Derivative = true)]
    public static partial void Celu_Minus2Derivative(ReadOnlySpan<float> x, Span<float> destination);

    // ---- Silu ------------------------------------------------------------------------------------------------

    [Silu]
    public static partial void Silu_1(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Derivative = true)]
    public static partial void Silu_1Derivative(ReadOnlySpan<float> x, Span<float> destination);

    // GELU's sigmoid approximation x·σ(1.702x).
    [Silu(Beta = 1.702)]
    public static partial void Silu_1p702(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Beta = 1.702, Derivative = true)]
    public static partial void Silu_1p702Derivative(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Beta = 0.1)]
    public static partial void Silu_0p1(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Beta = 0.1, Derivative = true)]
    public static partial void Silu_0p1Derivative(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Beta = -1)]
    public static partial void Silu_Minus1(ReadOnlySpan<float> x, Span<float> destination);

    [Silu(Beta = -1, Derivative = true)]
    public static partial void Silu_Minus1Derivative(ReadOnlySpan<float> x, Span<float> destination);

    // ---- Softplus with Beta ----------------------------------------------------------------------------------

    [Softplus(Beta = 2)]
    public static partial void Softplus_2(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 2, Derivative = true)]
    public static partial void Softplus_2Derivative(ReadOnlySpan<float> x, Span<float> destination);

    // Below 1: e^-|z| is scaled to stay out of the subnormals.
    [Softplus(Beta = 0.1)]
    public static partial void Softplus_0p1(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = 0.1, Derivative = true)]
    public static partial void Softplus_0p1Derivative(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = -1)]
    public static partial void Softplus_Minus1(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus(Beta = -1, Derivative = true)]
    public static partial void Softplus_Minus1Derivative(ReadOnlySpan<float> x, Span<float> destination);
}
