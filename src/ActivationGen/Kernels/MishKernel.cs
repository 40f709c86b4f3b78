using System;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>Mish: not written yet.</summary>
internal sealed class MishKernel : Kernel
{
    public static readonly MishKernel Instance = new();

    public override string Describe(ActivationSpec spec) => "Mish.";

    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();
}
