using Dashboard.Client.Features.Admin;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Problems;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Client.Tests;

/// <summary>
/// The admin's editor of a person (issue 23 as a city meets it): a person named by a login ID gets a mail address for
/// their notices, and a person the directory signs in is told apart, because the directory's groups set their roles
/// and departments again at each sign-in.
/// </summary>
public sealed class UserEditorTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = MudComponents.NewContext();
    private readonly List<SaveUserRequest> _saved = [];
    private readonly DepartmentDto[] _departments = [new("kikaku", "企画課", false), new("kaikei", "会計課", false)];

    public UserEditorTests()
    {
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<UserEditor> Render(UserDto user) => _ctx.Render<UserEditor>(p => p
        .Add(e => e.User, user)
        .Add(e => e.Departments, _departments)
        .Add(e => e.OnSave, request =>
        {
            _saved.Add(request);
            return Task.FromResult(Outcome.Done());
        }));

    [Fact]
    public void APersonNamedByALoginIdIsSavedWithTheMailAddressTypedForThem()
    {
        var editor = Render(new UserDto(7, "yamada", "山田 花子", AppRoles.SectionStaff, ["kikaku"], true, false));

        editor.Find("input[name='email']").Change("hanako.yamada@city.example");
        editor.Find("[data-action='save-user']").Click();

        editor.WaitForAssertion(() => Assert.Single(_saved));
        Assert.Equal(("yamada", "hanako.yamada@city.example"), (_saved[0].LoginName, _saved[0].Email));
        Assert.Empty(editor.FindAll("[data-directory-person]"));
    }

    [Fact]
    public void AMailAddressThatIsNoneIsRefusedBeforeAnythingIsSent()
    {
        var editor = Render(new UserDto(7, "yamada", "山田 花子", AppRoles.SectionStaff, ["kikaku"], true, false));

        editor.Find("input[name='email']").Change("yamada");
        editor.Find("[data-action='save-user']").Click();

        editor.WaitForAssertion(() => Assert.Contains("メールアドレスは name@example.jp の形", editor.Markup, StringComparison.Ordinal));
        Assert.Empty(_saved);
    }

    [Theory]
    [InlineData("Ldap", true)]
    [InlineData("Windows", true)]
    [InlineData("Local", false)]
    public void APersonTheDirectorySignsInIsToldApartBecauseTheGroupsSetTheirRoles(string method, bool fromDirectory)
    {
        var signIn = new UserSignInDto([method], HasPassword: method == "Local", TwoFactor: false, null, false, null);
        var editor = Render(new UserDto(8, "nakamura", "中村 三郎", AppRoles.SectionStaff, ["kaikei"], true, false, signIn, "nakamura@city.example"));

        Assert.Equal(fromDirectory, editor.FindAll("[data-directory-person]").Count == 1);
        Assert.Equal("nakamura@city.example", editor.Find("input[name='email']").GetAttribute("value"));
        if (fromDirectory)
        {
            Assert.Contains("サインインのたびにディレクトリのグループから設定し直されます", editor.Find("[data-directory-person]").TextContent, StringComparison.Ordinal);
        }
    }
}
