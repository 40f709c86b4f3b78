using System;
using System.Globalization;
using System.Linq;
using ActivationGen.Samples;

double[] x = [-10, -5, -2, -1, 0, 1, 2, 5, 10];

(string Name, double[] Values)[] columns =
[
    ("sigmoid", Apply(Activations.Sigmoid)),
    ("sigmoid'", Apply(Activations.SigmoidDerivative)),
    ("sig(x-2)", Apply(Activations.SigmoidOffset2)),
    ("sig'(x-2)", Apply(Activations.SigmoidOffset2Derivative)),
    ("sigsum", Apply(Activations.SigmoidSum)),
    ("sigsum'", Apply(Activations.SigmoidSumDerivative)),
    ("softplus", Apply(Activations.Softplus)),
    ("softplus'", Apply(Activations.SoftplusDerivative)),
    ("relu", Apply(Activations.Relu)),
    ("relu'", Apply(Activations.ReluDerivative)),
    ("elu", Apply(Activations.Elu)),
    ("elu'", x.Select(Activations.EluDerivative).ToArray()),
];

const int Width = 10;
Console.WriteLine("sigsum = [SigmoidSum(Count = 100, From = 0, To = 9.8, Scale = 0.1)], elu with Alpha = 1");
Console.WriteLine("x".PadLeft(4) + string.Concat(columns.Select(c => c.Name.PadLeft(Width))));
for (int row = 0; row < x.Length; row++)
{
    Console.WriteLine(
        x[row].ToString(CultureInfo.InvariantCulture).PadLeft(4) +
        string.Concat(columns.Select(c => c.Values[row].ToString("F5", CultureInfo.InvariantCulture).PadLeft(Width))));
}

double[] Apply(SpanActivation activation)
{
    var destination = new double[x.Length];
    activation(x, destination);
    return destination;
}

internal delegate void SpanActivation(ReadOnlySpan<double> x, Span<double> destination);
