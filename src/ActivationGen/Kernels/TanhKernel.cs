using System;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>Tanh: not written yet.</summary>
internal sealed class TanhKernel : Kernel
{
    public static readonly TanhKernel Instance = new();

    public override string Describe(ActivationSpec spec) => "Tanh.";

    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();
}
