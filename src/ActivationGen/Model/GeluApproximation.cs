namespace ActivationGen.Model;

/// <summary>The forms of GELU, with the values of the public <c>ActivationGen.GeluApproximation</c> enum.</summary>
internal enum GeluApproximation
{
    /// <summary>The exact x·Φ(x), through erf/erfc.</summary>
    None = 0,

    /// <summary>½x(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
    Tanh = 1,
}
