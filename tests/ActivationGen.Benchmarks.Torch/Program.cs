using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace ActivationGen.Benchmarks.Torch;

/// <summary>The generated kernels compared here: every activation libtorch also has, with libtorch's defaults.</summary>
internal static partial class Kernels
{
    [Sigmoid]
    public static partial void Sigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [Sigmoid]
    public static partial void SigmoidBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Elu]
    public static partial void Elu(ReadOnlySpan<float> x, Span<float> destination);

    [Elu]
    public static partial void EluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Softplus]
    public static partial void Softplus(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus]
    public static partial void SoftplusBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Relu]
    public static partial void Relu(ReadOnlySpan<float> x, Span<float> destination);

    [Relu]
    public static partial void ReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Gelu]
    public static partial void Gelu(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu]
    public static partial void GeluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanh(ReadOnlySpan<float> x, Span<float> destination);

    [Gelu(Approximate = GeluApproximation.Tanh)]
    public static partial void GeluTanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Silu]
    public static partial void Silu(ReadOnlySpan<float> x, Span<float> destination);

    [Silu]
    public static partial void SiluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Mish]
    public static partial void Mish(ReadOnlySpan<float> x, Span<float> destination);

    [Mish]
    public static partial void MishBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Tanh]
    public static partial void Tanh(ReadOnlySpan<float> x, Span<float> destination);

    [Tanh]
    public static partial void TanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Selu]
    public static partial void Selu(ReadOnlySpan<float> x, Span<float> destination);

    [Selu]
    public static partial void SeluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Celu]
    public static partial void Celu(ReadOnlySpan<float> x, Span<float> destination);

    [Celu]
    public static partial void CeluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [LeakyRelu]
    public static partial void LeakyRelu(ReadOnlySpan<float> x, Span<float> destination);

    [LeakyRelu]
    public static partial void LeakyReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [HardTanh]
    public static partial void HardTanh(ReadOnlySpan<float> x, Span<float> destination);

    [HardTanh]
    public static partial void HardTanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [HardSigmoid]
    public static partial void HardSigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [HardSigmoid]
    public static partial void HardSigmoidBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [HardSwish]
    public static partial void HardSwish(ReadOnlySpan<float> x, Span<float> destination);

    [HardSwish]
    public static partial void HardSwishBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [Softsign]
    public static partial void Softsign(ReadOnlySpan<float> x, Span<float> destination);

    [Softsign]
    public static partial void SoftsignBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    [LogSigmoid]
    public static partial void LogSigmoid(ReadOnlySpan<float> x, Span<float> destination);

    [LogSigmoid]
    public static partial void LogSigmoidBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
}

/// <summary>
/// libtorch (TorchSharp-cpu) on one thread against the generated kernels, in one run: forward and forward + backward of
/// each activation at 4,096 and 1,048,576 floats, x uniform in [-10, 10], gradOutput in [-1, 1]. Every measurement is
/// warmed up for a second, then timed in 15 samples of about 20 ms of this thread's CPU time (libtorch runs on the calling
/// thread with one thread, so time the machine spends on other processes is not counted); the table gives the median
/// ns/element and the ratio libtorch / ActivationGen (above 1: the generated kernel is faster).
/// libtorch's forward allocates its result and its forward + backward records the graph on a fresh leaf and runs
/// autograd (how PyTorch code calls it); the generated forward writes into a preallocated span and its forward +
/// backward is the forward call followed by the backward call (x, gradOutput → gradInput).
/// </summary>
public static class Program
{
    private static readonly int[] Sizes = [4096, 1 << 20];

    public static void Main(string[] args)
    {
        torch.set_num_threads(1);
        Console.WriteLine($"libtorch via TorchSharp {typeof(torch).Assembly.GetName().Version}, threads {torch.get_num_threads()}; .NET {Environment.Version}; {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| activation | N | libtorch f | ActivationGen f | × | libtorch f+backward | ActivationGen f+backward | × |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var disagreements = 0;
        foreach (var n in Sizes)
        {
            var random = new Random(1);
            var xs = new float[n];
            var gs = new float[n];
            for (var i = 0; i < n; i++)
            {
                xs[i] = (float)(random.NextDouble() * 20 - 10);
                gs[i] = (float)(random.NextDouble() * 2 - 1);
            }

            var y = new float[n];
            var gradInput = new float[n];
            using var x = torch.tensor(xs);
            using var g = torch.tensor(gs);
            var cases = new (string Name, Func<Tensor, Tensor> Torch, Action Forward, Action Backward)[]
            {
                ("sigmoid", t => torch.nn.functional.sigmoid(t), () => Kernels.Sigmoid(xs, y), () => Kernels.SigmoidBackward(xs, gs, gradInput)),
                ("elu", t => torch.nn.functional.elu(t, 1.0), () => Kernels.Elu(xs, y), () => Kernels.EluBackward(xs, gs, gradInput)),
                ("softplus", t => torch.nn.functional.softplus(t), () => Kernels.Softplus(xs, y), () => Kernels.SoftplusBackward(xs, gs, gradInput)),
                ("relu", t => torch.nn.functional.relu(t), () => Kernels.Relu(xs, y), () => Kernels.ReluBackward(xs, gs, gradInput)),
                ("gelu", t => torch.nn.functional.gelu(t), () => Kernels.Gelu(xs, y), () => Kernels.GeluBackward(xs, gs, gradInput)),
                ("gelu tanh", t => torch.nn.functional.gelu(t, TorchSharp.Modules.GELU.Approximate.tanh), () => Kernels.GeluTanh(xs, y), () => Kernels.GeluTanhBackward(xs, gs, gradInput)),
                ("silu", t => torch.nn.functional.silu(t), () => Kernels.Silu(xs, y), () => Kernels.SiluBackward(xs, gs, gradInput)),
                ("mish", t => torch.nn.functional.mish(t), () => Kernels.Mish(xs, y), () => Kernels.MishBackward(xs, gs, gradInput)),
                ("tanh", t => torch.tanh(t), () => Kernels.Tanh(xs, y), () => Kernels.TanhBackward(xs, gs, gradInput)),
                ("selu", t => torch.nn.functional.selu(t), () => Kernels.Selu(xs, y), () => Kernels.SeluBackward(xs, gs, gradInput)),
                ("celu", t => torch.nn.functional.celu(t, 1.0), () => Kernels.Celu(xs, y), () => Kernels.CeluBackward(xs, gs, gradInput)),
                ("leaky_relu", t => torch.nn.functional.leaky_relu(t), () => Kernels.LeakyRelu(xs, y), () => Kernels.LeakyReluBackward(xs, gs, gradInput)),
                ("hardtanh (clamp)", t => torch.clamp(t, -1.0, 1.0), () => Kernels.HardTanh(xs, y), () => Kernels.HardTanhBackward(xs, gs, gradInput)),
                ("hardsigmoid", t => torch.nn.functional.hardsigmoid(t), () => Kernels.HardSigmoid(xs, y), () => Kernels.HardSigmoidBackward(xs, gs, gradInput)),
                ("hardswish", t => torch.nn.functional.hardswish(t), () => Kernels.HardSwish(xs, y), () => Kernels.HardSwishBackward(xs, gs, gradInput)),
                ("softsign", t => torch.nn.functional.softsign(t), () => Kernels.Softsign(xs, y), () => Kernels.SoftsignBackward(xs, gs, gradInput)),
                ("logsigmoid", t => torch.nn.functional.logsigmoid(t), () => Kernels.LogSigmoid(xs, y), () => Kernels.LogSigmoidBackward(xs, gs, gradInput)),
            };
            foreach (var c in cases)
            {
                disagreements += Compare(c.Name, c.Torch, c.Forward, c.Backward, x, g, y, gradInput);
                var torchForward = Time(n, () =>
                {
                    using var scope = torch.NewDisposeScope();
                    c.Torch(x);
                });
                var torchBoth = Time(n, () =>
                {
                    using var scope = torch.NewDisposeScope();
                    var leaf = x.detach().requires_grad_();
                    var output = c.Torch(leaf);
                    output.backward(new[] { g });
                    _ = leaf.grad;
                });
                var oursForward = Time(n, c.Forward);
                var oursBoth = Time(n, () =>
                {
                    c.Forward();
                    c.Backward();
                });
                Console.WriteLine($"| {c.Name} | {n.ToString("N0", CultureInfo.InvariantCulture)} | {F(torchForward)} | {F(oursForward)} | {R(torchForward, oursForward)} | {F(torchBoth)} | {F(oursBoth)} | {R(torchBoth, oursBoth)} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine("ns/element, median of 15 samples; × = libtorch time / ActivationGen time.");
        if (disagreements > 0)
        {
            Console.Error.WriteLine($"{disagreements} of the comparisons above compute something other than libtorch (see the lines before the table rows).");
            Environment.ExitCode = 1;
        }
    }

    /// <summary>
    /// Checks that both sides compute the same function (the same parameters, the same form): the outputs and the input
    /// gradients agree within 1e-3·|value| + 1e-5. Not an accuracy test: libtorch's float GELU is off by 1e-3 relative in
    /// its left tail (x = -3.45) and its tanh form returns 0 below x ≈ -5, where ours keep 4 ULP. Prints the first
    /// disagreement and returns 1 if any.
    /// </summary>
    private static int Compare(string name, Func<Tensor, Tensor> torchFunction, Action forward, Action backward, Tensor x, Tensor g, float[] y, float[] gradInput)
    {
        using var scope = torch.NewDisposeScope();
        var leaf = x.detach().requires_grad_();
        var output = torchFunction(leaf);
        output.backward(new[] { g });
        var torchY = output.detach().data<float>().ToArray();
        var torchGrad = leaf.grad!.data<float>().ToArray();
        forward();
        backward();
        var inputs = x.data<float>().ToArray();
        for (var i = 0; i < y.Length; i++)
        {
            if (!Agree(torchY[i], y[i]) || !Agree(torchGrad[i], gradInput[i]))
            {
                Console.WriteLine($"{name} disagrees at x = {inputs[i]:R}: libtorch f = {torchY[i]:R}, gradInput = {torchGrad[i]:R}; ActivationGen f = {y[i]:R}, gradInput = {gradInput[i]:R}");
                return 1;
            }
        }

        return 0;

        static bool Agree(float a, float b) => Math.Abs(a - b) <= (1e-3 * Math.Abs(a)) + 1e-5;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static double ThreadCpuNanoseconds()
    {
        const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID
        if (ClockGetTime(ThreadCpuTimeClock, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return (time.Seconds * 1e9) + time.Nanoseconds;
    }

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    private static string R(double? torchTime, double? ours) =>
        torchTime is { } t && ours is { } o ? (t / o).ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>Median ns per element of <paramref name="action"/> over 15 samples of about 20 ms, after 1 s of warm-up.</summary>
    private static double Time(int n, Action action)
    {
        var warmup = Stopwatch.StartNew();
        var calls = 0;
        while (warmup.ElapsedMilliseconds < 1000)
        {
            action();
            calls++;
        }

        var perSample = Math.Max(1, (int)(calls / 50.0));
        var samples = new List<double>();
        for (var s = 0; s < 15; s++)
        {
            var start = ThreadCpuNanoseconds();
            for (var i = 0; i < perSample; i++)
            {
                action();
            }

            samples.Add((ThreadCpuNanoseconds() - start) / perSample / n);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
