using Advisor.Api.DirectLine;
using Advisor.Api.Endpoints;
using Advisor.Api.Hosting;
using Advisor.Api.Pages;
using Scalar.AspNetCore;

if (ValidateCommand.Matches(args))
    return ValidateCommand.Run(args, Console.Out);

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAdvisor(builder.Configuration);
builder.Services.AddAdvisorBot(builder.Configuration);
builder.Services.AddDirectLine(builder.Configuration);
builder.Services.AddPages(builder.Configuration);

var app = builder.Build();
if (!app.TryUseAdvisor())
    return 1;

app.UseDirectLine();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealth();
app.MapProcedures();
app.MapEvaluation();
app.MapScreening();
app.MapPublicity();
app.MapChat();
app.MapDirectLine();
app.MapPages();

app.Run();
return 0;

/// <summary>The service's entry point; public so that tests can host it.</summary>
public partial class Program;
