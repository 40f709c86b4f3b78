using System;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>Selu: not written yet.</summary>
internal sealed class SeluKernel : Kernel
{
    public static readonly SeluKernel Instance = new();

    public override string Describe(ActivationSpec spec) => "Selu.";

    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();
}
