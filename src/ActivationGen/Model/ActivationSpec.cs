using System;
using System.Linq;
using ActivationGen.Kernels;

namespace ActivationGen.Model;

/// <summary>
/// One attribute as written by the user: which activation, whether the derivative or the backward from the output is
/// asked for, and the values of that activation's own parameters (<see cref="Kernels.Activation.Parameters"/>, in order).
/// </summary>
/// <remarks>
/// The values are kept as their bits, so equality tells 0.0 from -0.0 (they give different code: the sign of a zero
/// result) and an edit from one to the other regenerates the method.
/// </remarks>
/// <param name="FromOutput">Backward from the forward result: the first span holds y = f(x) instead of x.</param>
/// <param name="Definition">For <c>[Activation]</c>: the user's definition, prepared (<see cref="Custom.DefinitionParser"/>); else null.</param>
internal sealed record ActivationSpec(Activation Activation, bool Derivative, bool FromOutput, EquatableArray<long> Bits, Custom.CustomDefinition? Definition = null)
{
    public static ActivationSpec ForDefinition(Activation activation, bool derivative, Custom.CustomDefinition definition) =>
        new(activation, derivative, FromOutput: false, EquatableArray<long>.Empty, definition);

    public static ActivationSpec Create(Activation activation, bool derivative, bool fromOutput, double[] values) =>
        new(activation, derivative, fromOutput, new EquatableArray<long>(values.Select(BitConverter.DoubleToInt64Bits)));

    /// <summary>The value of one of the activation's parameters.</summary>
    public double this[Parameter parameter] => BitConverter.Int64BitsToDouble(Bits[Activation.Parameters.IndexOf(parameter)]);
}
