using System;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>LogSigmoid: not written yet.</summary>
internal sealed class LogSigmoidKernel : Kernel
{
    public static readonly LogSigmoidKernel Instance = new();

    public override string Describe(ActivationSpec spec) => "LogSigmoid.";

    public override void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();

    public override void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();

    public override void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotImplementedException();
}
