namespace Advisor.Api.Pages;

/// <summary>The front desk that prints the one-time notice (configuration section <c>Desk</c>).</summary>
public sealed class DeskOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Desk";

    /// <summary>The office's name as the notice prints it; 「村（社区）便民服务站」 by default.</summary>
    public string Office { get; set; } = "村（社区）便民服务站";

    /// <summary>The desk's telephone, printed on the notice; empty prints no number.</summary>
    public string ContactLine { get; set; } = "";

    /// <summary>Where the desk is and when it is open, printed on the notice; optional.</summary>
    public string Address { get; set; } = "";
}
