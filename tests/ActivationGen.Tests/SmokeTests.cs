using System;
using ActivationGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

public class SmokeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Sigmoid")]
    [InlineData("Sigmoid(Offset = 2)")]
    [InlineData("SigmoidSum")]
    [InlineData("Softplus")]
    [InlineData("Relu")]
    [InlineData("Elu(Alpha = 0.5)")]
    public void Generates_and_runs(string attribute)
    {
        var f = KernelSets.Create<double>(attribute);
        foreach (var x in new[] { -3.0, -0.5, 0, 0.5, 3 })
        {
            output.WriteLine($"{attribute} x={x} f={f.F(x)} d={f.D(x)}");
        }
    }
}
