using System;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The seed's scalar formulas, one element at a time in a plain loop (MathF for float, Math for double): what the
/// project replaced. The derivative, backward and fused loops use the same formulas.
/// </summary>
internal static class SeedLoops
{
    // ---- float ----

    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> destination, float offset)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = 1 / (1 + MathF.Exp(-(x[i] - offset)));
        }
    }

    public static void SigmoidDerivative(ReadOnlySpan<float> x, Span<float> destination, float offset)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = 1 / (1 + MathF.Exp(-(x[i] - offset)));
            destination[i] = s * (1 - s);
        }
    }

    public static void SigmoidBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput, float offset)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = 1 / (1 + MathF.Exp(-(x[i] - offset)));
            gradInput[i] = gradOutput[i] * (s * (1 - s));
        }
    }

    public static void SigmoidFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative, float offset)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = 1 / (1 + MathF.Exp(-(x[i] - offset)));
            destination[i] = s;
            derivative[i] = s * (1 - s);
        }
    }

    // The naive sum of Count sigmoids: Count exponentials per element.
    public static void SigmoidSum(ReadOnlySpan<float> x, Span<float> destination, float[] offsets, float scale)
    {
        for (var i = 0; i < x.Length; i++)
        {
            float sum = 0;
            foreach (var offset in offsets)
            {
                sum += 1 / (1 + MathF.Exp(-(x[i] - offset)));
            }

            destination[i] = scale * sum;
        }
    }

    public static void SigmoidSumDerivative(ReadOnlySpan<float> x, Span<float> destination, float[] offsets, float scale)
    {
        for (var i = 0; i < x.Length; i++)
        {
            float sum = 0;
            foreach (var offset in offsets)
            {
                var s = 1 / (1 + MathF.Exp(-(x[i] - offset)));
                sum += s * (1 - s);
            }

            destination[i] = scale * sum;
        }
    }

    public static void SigmoidSumBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput, float[] offsets, float scale)
    {
        for (var i = 0; i < x.Length; i++)
        {
            float sum = 0;
            foreach (var offset in offsets)
            {
                var s = 1 / (1 + MathF.Exp(-(x[i] - offset)));
                sum += s * (1 - s);
            }

            gradInput[i] = gradOutput[i] * (scale * sum);
        }
    }

    public static void SigmoidSumFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative, float[] offsets, float scale)
    {
        for (var i = 0; i < x.Length; i++)
        {
            float sum = 0, derivativeSum = 0;
            foreach (var offset in offsets)
            {
                var s = 1 / (1 + MathF.Exp(-(x[i] - offset)));
                sum += s;
                derivativeSum += s * (1 - s);
            }

            destination[i] = scale * sum;
            derivative[i] = scale * derivativeSum;
        }
    }

    public static void Softplus(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = MathF.Log(1 + MathF.Exp(x[i]));
        }
    }

    public static void SoftplusDerivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = 1 / (1 + MathF.Exp(-x[i]));
        }
    }

    public static void SoftplusBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            gradInput[i] = gradOutput[i] * (1 / (1 + MathF.Exp(-x[i])));
        }
    }

    public static void SoftplusFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = MathF.Log(1 + MathF.Exp(x[i]));
            derivative[i] = 1 / (1 + MathF.Exp(-x[i]));
        }
    }

    public static void Relu(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = MathF.Max(0, x[i]);
        }
    }

    public static void ReluDerivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? 1 : 0;
        }
    }

    public static void ReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            gradInput[i] = x[i] > 0 ? gradOutput[i] : 0;
        }
    }

    public static void ReluFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = MathF.Max(0, x[i]);
            derivative[i] = x[i] > 0 ? 1 : 0;
        }
    }

    public static void Elu(ReadOnlySpan<float> x, Span<float> destination, float alpha)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] >= 0 ? x[i] : alpha * (MathF.Exp(x[i]) - 1);
        }
    }

    public static void EluDerivative(ReadOnlySpan<float> x, Span<float> destination, float alpha)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] >= 0 ? 1 : alpha * MathF.Exp(x[i]);
        }
    }

    public static void EluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput, float alpha)
    {
        for (var i = 0; i < x.Length; i++)
        {
            gradInput[i] = gradOutput[i] * (x[i] >= 0 ? 1 : alpha * MathF.Exp(x[i]));
        }
    }

    public static void EluFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative, float alpha)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] >= 0 ? x[i] : alpha * (MathF.Exp(x[i]) - 1);
            derivative[i] = x[i] >= 0 ? 1 : alpha * MathF.Exp(x[i]);
        }
    }

    public static void Tanh(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(v);
            destination[i] = th;
        }
    }

    public static void TanhDerivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(v);
            destination[i] = 1 - (th * th);
        }
    }

    public static void TanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(v);
            gradInput[i] = gradOutput[i] * (1 - (th * th));
        }
    }

    public static void TanhFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(v);
            destination[i] = th;
            derivative[i] = 1 - (th * th);
        }
    }

    public static void Mish(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(MathF.Log(1 + MathF.Exp(v)));
            destination[i] = v * th;
        }
    }

    public static void MishDerivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(MathF.Log(1 + MathF.Exp(v)));
            var sigma = 1 / (1 + MathF.Exp(-v));
            destination[i] = th + (v * (1 - (th * th)) * sigma);
        }
    }

    public static void MishBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(MathF.Log(1 + MathF.Exp(v)));
            var sigma = 1 / (1 + MathF.Exp(-v));
            gradInput[i] = gradOutput[i] * (th + (v * (1 - (th * th)) * sigma));
        }
    }

    public static void MishFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(MathF.Log(1 + MathF.Exp(v)));
            var sigma = 1 / (1 + MathF.Exp(-v));
            destination[i] = v * th;
            derivative[i] = th + (v * (1 - (th * th)) * sigma);
        }
    }

    public static void GeluTanh(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(0.7978845608028654f * (v + (0.044715f * v * v * v)));
            destination[i] = 0.5f * v * (1 + th);
        }
    }

    public static void GeluTanhDerivative(ReadOnlySpan<float> x, Span<float> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(0.7978845608028654f * (v + (0.044715f * v * v * v)));
            destination[i] = (0.5f * (1 + th)) + (0.5f * v * (1 - (th * th)) * 0.7978845608028654f * (1 + (3 * 0.044715f * v * v)));
        }
    }

    public static void GeluTanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(0.7978845608028654f * (v + (0.044715f * v * v * v)));
            gradInput[i] = gradOutput[i] * ((0.5f * (1 + th)) + (0.5f * v * (1 - (th * th)) * 0.7978845608028654f * (1 + (3 * 0.044715f * v * v))));
        }
    }

    public static void GeluTanhFused(ReadOnlySpan<float> x, Span<float> destination, Span<float> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = MathF.Tanh(0.7978845608028654f * (v + (0.044715f * v * v * v)));
            destination[i] = 0.5f * v * (1 + th);
            derivative[i] = (0.5f * (1 + th)) + (0.5f * v * (1 - (th * th)) * 0.7978845608028654f * (1 + (3 * 0.044715f * v * v)));
        }
    }

    // ---- double ----

    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> destination, double offset)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = 1 / (1 + Math.Exp(-(x[i] - offset)));
        }
    }

    public static void SigmoidDerivative(ReadOnlySpan<double> x, Span<double> destination, double offset)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = 1 / (1 + Math.Exp(-(x[i] - offset)));
            destination[i] = s * (1 - s);
        }
    }

    public static void SigmoidBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput, double offset)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = 1 / (1 + Math.Exp(-(x[i] - offset)));
            gradInput[i] = gradOutput[i] * (s * (1 - s));
        }
    }

    public static void SigmoidFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative, double offset)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var s = 1 / (1 + Math.Exp(-(x[i] - offset)));
            destination[i] = s;
            derivative[i] = s * (1 - s);
        }
    }

    // The naive sum of Count sigmoids: Count exponentials per element.
    public static void SigmoidSum(ReadOnlySpan<double> x, Span<double> destination, double[] offsets, double scale)
    {
        for (var i = 0; i < x.Length; i++)
        {
            double sum = 0;
            foreach (var offset in offsets)
            {
                sum += 1 / (1 + Math.Exp(-(x[i] - offset)));
            }

            destination[i] = scale * sum;
        }
    }

    public static void SigmoidSumDerivative(ReadOnlySpan<double> x, Span<double> destination, double[] offsets, double scale)
    {
        for (var i = 0; i < x.Length; i++)
        {
            double sum = 0;
            foreach (var offset in offsets)
            {
                var s = 1 / (1 + Math.Exp(-(x[i] - offset)));
                sum += s * (1 - s);
            }

            destination[i] = scale * sum;
        }
    }

    public static void SigmoidSumBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput, double[] offsets, double scale)
    {
        for (var i = 0; i < x.Length; i++)
        {
            double sum = 0;
            foreach (var offset in offsets)
            {
                var s = 1 / (1 + Math.Exp(-(x[i] - offset)));
                sum += s * (1 - s);
            }

            gradInput[i] = gradOutput[i] * (scale * sum);
        }
    }

    public static void SigmoidSumFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative, double[] offsets, double scale)
    {
        for (var i = 0; i < x.Length; i++)
        {
            double sum = 0, derivativeSum = 0;
            foreach (var offset in offsets)
            {
                var s = 1 / (1 + Math.Exp(-(x[i] - offset)));
                sum += s;
                derivativeSum += s * (1 - s);
            }

            destination[i] = scale * sum;
            derivative[i] = scale * derivativeSum;
        }
    }

    public static void Softplus(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Log(1 + Math.Exp(x[i]));
        }
    }

    public static void SoftplusDerivative(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = 1 / (1 + Math.Exp(-x[i]));
        }
    }

    public static void SoftplusBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            gradInput[i] = gradOutput[i] * (1 / (1 + Math.Exp(-x[i])));
        }
    }

    public static void SoftplusFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Log(1 + Math.Exp(x[i]));
            derivative[i] = 1 / (1 + Math.Exp(-x[i]));
        }
    }

    public static void Relu(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Max(0, x[i]);
        }
    }

    public static void ReluDerivative(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? 1 : 0;
        }
    }

    public static void ReluBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            gradInput[i] = x[i] > 0 ? gradOutput[i] : 0;
        }
    }

    public static void ReluFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Max(0, x[i]);
            derivative[i] = x[i] > 0 ? 1 : 0;
        }
    }

    public static void Elu(ReadOnlySpan<double> x, Span<double> destination, double alpha)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] >= 0 ? x[i] : alpha * (Math.Exp(x[i]) - 1);
        }
    }

    public static void EluDerivative(ReadOnlySpan<double> x, Span<double> destination, double alpha)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] >= 0 ? 1 : alpha * Math.Exp(x[i]);
        }
    }

    public static void EluBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput, double alpha)
    {
        for (var i = 0; i < x.Length; i++)
        {
            gradInput[i] = gradOutput[i] * (x[i] >= 0 ? 1 : alpha * Math.Exp(x[i]));
        }
    }

    public static void EluFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative, double alpha)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] >= 0 ? x[i] : alpha * (Math.Exp(x[i]) - 1);
            derivative[i] = x[i] >= 0 ? 1 : alpha * Math.Exp(x[i]);
        }
    }

    public static void Tanh(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(v);
            destination[i] = th;
        }
    }

    public static void TanhDerivative(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(v);
            destination[i] = 1 - (th * th);
        }
    }

    public static void TanhBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(v);
            gradInput[i] = gradOutput[i] * (1 - (th * th));
        }
    }

    public static void TanhFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(v);
            destination[i] = th;
            derivative[i] = 1 - (th * th);
        }
    }

    public static void Mish(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(Math.Log(1 + Math.Exp(v)));
            destination[i] = v * th;
        }
    }

    public static void MishDerivative(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(Math.Log(1 + Math.Exp(v)));
            var sigma = 1 / (1 + Math.Exp(-v));
            destination[i] = th + (v * (1 - (th * th)) * sigma);
        }
    }

    public static void MishBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(Math.Log(1 + Math.Exp(v)));
            var sigma = 1 / (1 + Math.Exp(-v));
            gradInput[i] = gradOutput[i] * (th + (v * (1 - (th * th)) * sigma));
        }
    }

    public static void MishFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(Math.Log(1 + Math.Exp(v)));
            var sigma = 1 / (1 + Math.Exp(-v));
            destination[i] = v * th;
            derivative[i] = th + (v * (1 - (th * th)) * sigma);
        }
    }

    public static void GeluTanh(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(0.7978845608028654 * (v + (0.044715 * v * v * v)));
            destination[i] = 0.5 * v * (1 + th);
        }
    }

    public static void GeluTanhDerivative(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(0.7978845608028654 * (v + (0.044715 * v * v * v)));
            destination[i] = (0.5 * (1 + th)) + (0.5 * v * (1 - (th * th)) * 0.7978845608028654 * (1 + (3 * 0.044715 * v * v)));
        }
    }

    public static void GeluTanhBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(0.7978845608028654 * (v + (0.044715 * v * v * v)));
            gradInput[i] = gradOutput[i] * ((0.5 * (1 + th)) + (0.5 * v * (1 - (th * th)) * 0.7978845608028654 * (1 + (3 * 0.044715 * v * v))));
        }
    }

    public static void GeluTanhFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var th = Math.Tanh(0.7978845608028654 * (v + (0.044715 * v * v * v)));
            destination[i] = 0.5 * v * (1 + th);
            derivative[i] = (0.5 * (1 + th)) + (0.5 * v * (1 - (th * th)) * 0.7978845608028654 * (1 + (3 * 0.044715 * v * v)));
        }
    }
}
