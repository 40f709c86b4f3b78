using System;
using System.Collections.Generic;
using System.Globalization;

namespace ActivationGen.Samples;

/// <summary>destination[i] = f(x[i]): the shape of a generated forward kernel.</summary>
internal delegate void ForwardKernel(ReadOnlySpan<float> x, Span<float> destination);

/// <summary>gradInput[i] = gradOutput[i] · f'(x[i]), x being the pre-activation: the shape of a generated backward kernel.</summary>
internal delegate void BackwardKernel(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

/// <summary>An activation as the network sees it: a name and its two generated kernels.</summary>
internal sealed record Activation(string Name, ForwardKernel Forward, BackwardKernel Backward);

/// <summary>
/// A 1 → <c>hidden</c> → 1 network, trained by full-batch gradient descent on the mean squared error. The linear
/// layers are plain loops; the activation and its gradient are the generated kernels, called once per batch.
/// Hidden buffers are unit-major (element <c>j · n + s</c> is unit j at sample s), so one kernel call covers
/// the whole batch.
/// </summary>
internal sealed class TinyNetwork
{
    private readonly Activation _activation;
    private readonly float[] _w1;
    private readonly float[] _b1;
    private readonly float[] _w2;
    private float _b2;

    public TinyNetwork(int hidden, Activation activation, int seed)
    {
        _activation = activation;
        var random = new Random(seed);
        _w1 = new float[hidden];
        _b1 = new float[hidden];
        _w2 = new float[hidden];
        for (var j = 0; j < hidden; j++)
        {
            _w1[j] = (float)Gaussian(random);                            // fan-in 1
            _b1[j] = (float)(random.NextDouble() * 4 - 2);               // spread the units over the input range
            _w2[j] = (float)(Gaussian(random) / Math.Sqrt(hidden));      // fan-in `hidden`
        }
    }

    public int Hidden => _w1.Length;

    /// <summary>The network's output for each x.</summary>
    public float[] Predict(ReadOnlySpan<float> x)
    {
        var pre = new float[Hidden * x.Length];
        var act = new float[pre.Length];
        var y = new float[x.Length];
        Forward(x, pre, act, y);
        return y;
    }

    /// <summary>One step of gradient descent on the whole batch; returns the loss before the step.</summary>
    public double Step(ReadOnlySpan<float> x, ReadOnlySpan<float> target, float learningRate)
    {
        int n = x.Length, h = Hidden;
        var pre = new float[h * n];
        var act = new float[h * n];
        var y = new float[n];
        Forward(x, pre, act, y);

        // Loss = mean (y - t)²; dLoss/dy = 2 (y - t) / n.
        double loss = 0;
        var gradY = new float[n];
        for (var s = 0; s < n; s++)
        {
            var e = y[s] - target[s];
            loss += (double)e * e;
            gradY[s] = 2 * e / n;
        }

        loss /= n;

        // Output layer: y = b2 + Σ_j w2[j] · act[j]; the gradient flowing into each hidden unit is w2[j] · dLoss/dy.
        var gradAct = new float[h * n];
        var gradW2 = new float[h];
        float gradB2 = 0;
        for (var s = 0; s < n; s++)
        {
            gradB2 += gradY[s];
        }

        for (var j = 0; j < h; j++)
        {
            float g = 0;
            for (var s = 0; s < n; s++)
            {
                g += gradY[s] * act[j * n + s];
                gradAct[j * n + s] = _w2[j] * gradY[s];
            }

            gradW2[j] = g;
        }

        // Through the activation: dLoss/dpre = dLoss/dact · f'(pre), by the generated backward kernel.
        var gradPre = new float[h * n];
        _activation.Backward(pre, gradAct, gradPre);

        // Hidden layer: pre = w1[j] · x + b1[j].
        for (var j = 0; j < h; j++)
        {
            float gw = 0, gb = 0;
            for (var s = 0; s < n; s++)
            {
                gw += gradPre[j * n + s] * x[s];
                gb += gradPre[j * n + s];
            }

            _w1[j] -= learningRate * gw;
            _b1[j] -= learningRate * gb;
            _w2[j] -= learningRate * gradW2[j];
        }

        _b2 -= learningRate * gradB2;
        return loss;
    }

    private void Forward(ReadOnlySpan<float> x, float[] pre, float[] act, float[] y)
    {
        int n = x.Length, h = Hidden;
        for (var j = 0; j < h; j++)
        {
            for (var s = 0; s < n; s++)
            {
                pre[j * n + s] = _w1[j] * x[s] + _b1[j];
            }
        }

        _activation.Forward(pre, act);

        for (var s = 0; s < n; s++)
        {
            y[s] = _b2;
        }

        for (var j = 0; j < h; j++)
        {
            for (var s = 0; s < n; s++)
            {
                y[s] += _w2[j] * act[j * n + s];
            }
        }
    }

    /// <summary>A standard normal sample (Box–Muller), from a seeded generator.</summary>
    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>The training demo: a noisy sine fitted three times, with sigmoid, ELU and ReLU hidden units.</summary>
internal static class Training
{
    public const int Seed = 2017;
    public const int Samples = 64;
    public const int Hidden = 16;
    public const int Epochs = 5000;
    public const int ReportEvery = 500;
    public const float LearningRate = 0.04f;
    public const double Noise = 0.1;

    /// <summary>The toy problem: sin(x) plus Gaussian noise (σ = 0.1) at 64 evenly spaced x in [-3, 3].</summary>
    public sealed record Data(float[] X, float[] Y);

    /// <summary>One network's run: the loss after each epoch (element 0 before any) and its final fit on a fine grid.</summary>
    public sealed record Run(string Name, double[] Loss, double[] FitX, double[] FitY);

    public static Data MakeData()
    {
        var random = new Random(Seed);
        var x = new float[Samples];
        var y = new float[Samples];
        for (var i = 0; i < Samples; i++)
        {
            x[i] = (float)(-3 + 6.0 * i / (Samples - 1));
            y[i] = (float)(Math.Sin(x[i]) + Noise * TinyNetwork.Gaussian(random));
        }

        return new Data(x, y);
    }

    public static IReadOnlyList<Run> TrainAll(Data data)
    {
        Activation[] activations =
        [
            new("sigmoid", Activations.SigmoidForward, Activations.SigmoidBackward),
            new("elu", Activations.EluForward, Activations.EluBackward),
            new("relu", Activations.ReluForward, Activations.ReluBackward),
        ];

        var runs = new List<Run>();
        foreach (var activation in activations)
        {
            // The same seed for every activation: the three networks start from the same weights.
            var network = new TinyNetwork(Hidden, activation, Seed);
            var loss = new double[Epochs + 1];
            for (var epoch = 0; epoch < Epochs; epoch++)
            {
                loss[epoch] = network.Step(data.X, data.Y, LearningRate);
                if (epoch % ReportEvery == 0)
                {
                    Report(activation.Name, epoch, loss[epoch]);
                }
            }

            loss[Epochs] = MeanSquaredError(network.Predict(data.X), data.Y);
            Report(activation.Name, Epochs, loss[Epochs]);

            // x = -3, -2.98, .., 3; the float network is given the nearest float to each.
            var fitX = Plots.Grid(-150, 150, 50);
            var fitY = network.Predict(Array.ConvertAll(fitX, v => (float)v));
            runs.Add(new Run(activation.Name, loss, fitX, Array.ConvertAll(fitY, v => (double)v)));
        }

        return runs;
    }

    /// <summary>The loss sin(x) itself has on the data: what the noise costs, the floor of a good fit.</summary>
    public static double LossOfSine(Data data) =>
        MeanSquaredError(Array.ConvertAll(data.X, x => (float)Math.Sin(x)), data.Y);

    private static void Report(string name, int epoch, double loss) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-8} epoch {epoch,4}  loss {loss:F4}"));

    private static double MeanSquaredError(float[] y, float[] target)
    {
        double sum = 0;
        for (var i = 0; i < y.Length; i++)
        {
            double e = y[i] - target[i];
            sum += e * e;
        }

        return sum / y.Length;
    }
}
