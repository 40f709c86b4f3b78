using System;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>Gelu: not written yet.</summary>
internal sealed class GeluKernel : Kernel
{
    public static readonly GeluKernel Instance = new();

    public override string Describe(ActivationSpec spec) => "Gelu.";

    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();
}
