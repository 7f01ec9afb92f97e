using Dashboard.Shared.Problems;
using Dashboard.Server.Data;
using Dashboard.Server.Features.Audit;
using Dashboard.Server.Features.Notifications;
using Dashboard.Shared.Admin;
using Dashboard.Shared.Fiscal;
using Dashboard.Shared.Auth;
using Dashboard.Shared.Notifications;
using Dashboard.Shared.Plans;
using Dashboard.Shared.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Features.Admin;

/// <summary>Users, roles and departments over EF Core; each changed field is audited in the same save.</summary>
public sealed class ServerAdminService(DbOperations operations, AuditWriter audit, IOptions<MailOptions> mail, MailHealth mailHealth, Auth.SessionChecks sessions,
    Operations.SqliteBackups backups, IOptions<Operations.BackupOptions> backupOptions, Auth.SignInLog signInLog, IOptions<Auth.SignInOptions> signInOptions,
    Microsoft.AspNetCore.Identity.IPasswordHasher<LocalAccount> hasher, Auth.AuthMode mode, TimeProvider clock,
    Microsoft.AspNetCore.Http.IHttpContextAccessor? http = null) : IAdminService
{
    // The context of the database operation in progress (one per operation, decision 016).
    private DashboardDbContext db => operations.Current;

    private const int RecentChanges = 50;

    public async Task<AdminOverviewDto> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.LoginName)
            .Select(u => new UserDto(u.Id, u.LoginName, u.DisplayName, u.Roles, u.Departments.OrderBy(d => d.Code).Select(d => d.Code).ToList(), u.IsActive, u.IsDemo, null, u.Email))
            .ToListAsync(cancellationToken);
        users = await WithSignInAsync(users, cancellationToken);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DepartmentDto(d.Code, d.Name, d.IsSample))
            .ToListAsync(cancellationToken);
        var changes = await db.AuditLog.AsNoTracking().Where(a => a.EntityType == "User" || a.EntityType == "Department" || a.EntityType == "ApiToken")
            .OrderByDescending(a => a.Id).Take(RecentChanges)
            .Select(a => new AuditEntryDto(a.AtUtc, a.Actor, a.EntityType, a.EntityKey, a.Field, a.OldValue, a.NewValue, a.Reason, null, null, null, null))
            .ToListAsync(cancellationToken);
        var name = await PeopleNames.ResolveAsync(db, changes.Select(c => c.Actor), cancellationToken);
        var departmentNames = departments.ToDictionary(d => d.Code, d => d.Name);
        return new AdminOverviewDto(users, departments, changes.Select(c => c with
        {
            ActorName = name(c.Actor),
            FieldLabel = AuditWords.Field(c.Field),
            OldText = AuditWords.Value(c.Field, c.OldValue, departmentNames),
            NewText = AuditWords.Value(c.Field, c.NewValue, departmentNames),
        }).ToList(), await MailStatusAsync(cancellationToken), Backups(), mode.UsesLocalAccounts);
    }

    /// <summary>How each person signs in: local password, authenticator, lock, the ways they used, the last sign-in.</summary>
    private async Task<List<UserDto>> WithSignInAsync(List<UserDto> users, CancellationToken cancellationToken)
    {
        var accounts = await db.LocalAccounts.AsNoTracking()
            .Select(a => new { a.Id, HasPassword = a.PasswordHash != null, a.TwoFactorEnabled, a.LockoutEnd, a.MustChangePassword })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var used = await db.SignInLog.AsNoTracking().Where(e => e.UserId != null && e.Kind == SignInEventKinds.Success)
            .GroupBy(e => new { e.UserId, e.Method }).Select(g => new { g.Key.UserId, g.Key.Method, Last = g.Max(e => e.AtUtc) })
            .ToListAsync(cancellationToken);
        var entra = await db.Users.AsNoTracking().Where(u => u.EntraObjectId != null).Select(u => u.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return users.Select(u =>
        {
            var account = accounts.GetValueOrDefault(u.Id);
            var methods = used.Where(x => x.UserId == u.Id).Select(x => x.Method).ToHashSet(StringComparer.Ordinal);
            if (account is not null)
            {
                methods.Add("Local");
            }

            if (entra.Contains(u.Id))
            {
                methods.Add("Entra");
            }

            if (u.IsDemo && mode.UsesDemo)
            {
                methods.Add("Demo");
            }

            var last = used.Where(x => x.UserId == u.Id).Select(x => (DateTime?)x.Last).Max();
            var locked = account?.LockoutEnd is { } end && end > now ? end.UtcDateTime : (DateTime?)null;
            return u with
            {
                SignIn = new UserSignInDto(methods.Order(StringComparer.Ordinal).ToList(), account?.HasPassword ?? false, account?.TwoFactorEnabled ?? false,
                    locked, account?.MustChangePassword ?? false, last),
            };
        }).ToList();
    }

    public async Task<Outcome<TemporaryPasswordDto>> IssueTemporaryPasswordAsync(int id, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Outcome.NotFound<TemporaryPasswordDto>(Wording.Pick("利用者が見つかりません。一覧を更新してください。", "The person was not found. Please refresh the list."));
        }

        if (!mode.UsesLocalAccounts)
        {
            return Outcome.Refused<TemporaryPasswordDto>(Wording.Pick("ローカルアカウントは使われていません（SignIn:LocalAccounts）。", "Local accounts are not in use (SignIn:LocalAccounts)."));
        }

        var password = await Auth.LocalAccounts.IssueTemporaryPasswordAsync(db, user, hasher, signInOptions.Value.Password, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Whoever is signed in with the old password is signed out, on every instance.
        await EndSessionsAsync(user.Id, cancellationToken);
        await signInLog.WriteAsync(SignInEventKinds.TemporaryPassword, "Local", user.LoginName, user.Id, Address(), actor: audit.Actor, cancellationToken: cancellationToken);
        return Outcome.Ok(new TemporaryPasswordDto(user.LoginName, password));
    }

    public async Task<Outcome<Done>> UnlockAsync(int id, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var account = await db.LocalAccounts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Outcome.NotFound<Done>(Wording.Pick("この人にはローカルアカウントがありません。", "This person has no local account."));
        }

        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        await db.SaveChangesAsync(cancellationToken);
        await signInLog.WriteAsync(SignInEventKinds.Unlocked, "Local", account.UserName ?? "", id, Address(), actor: audit.Actor, cancellationToken: cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome<Done>> ResetTwoFactorAsync(int id, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var account = await db.LocalAccounts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Outcome.NotFound<Done>(Wording.Pick("この人にはローカルアカウントがありません。", "This person has no local account."));
        }

        account.TwoFactorEnabled = false;
        account.LastTotpCode = null;
        await db.Set<Microsoft.AspNetCore.Identity.IdentityUserToken<int>>().Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await signInLog.WriteAsync(SignInEventKinds.TwoFactorReset, "Local", account.UserName ?? "", id, Address(), actor: audit.Actor, cancellationToken: cancellationToken);
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user && (user.Roles & signInOptions.Value.TwoFactorRequiredFor) != AppRoles.None)
        {
            await EndSessionsWithoutAuthenticatorAsync(user, "認証アプリが解除されたため", cancellationToken);
        }

        return Outcome.Done();
    }

    /// <summary>Ends every open session of a person, on every instance; the number ended.</summary>
    private async Task<int> EndSessionsAsync(int userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.Sessions.Where(s => s.UserId == userId && s.EndedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, now), cancellationToken);
        sessions.Forget(userId);
        return ended;
    }

    /// <summary>
    /// A person whose role needs an authenticator (SignIn:TwoFactorRequiredFor) but whose local account has none is
    /// signed out everywhere: they signed in with a password alone, and the role must not be used that way. The next
    /// sign-in asks them to enrol first. Nothing happens to a person without a local account (the directory or Entra ID
    /// signs them in) or with an authenticator.
    /// </summary>
    private async Task EndSessionsWithoutAuthenticatorAsync(AppUser user, string why, CancellationToken cancellationToken)
    {
        if (!await db.LocalAccounts.AnyAsync(a => a.Id == user.Id && !a.TwoFactorEnabled, cancellationToken))
        {
            return;
        }

        if (await EndSessionsAsync(user.Id, cancellationToken) > 0)
        {
            await signInLog.WriteAsync(SignInEventKinds.SignOut, "Local", user.LoginName, user.Id, Address(), $"{why}、次のサインインで認証アプリを登録", audit.Actor, cancellationToken);
        }
    }

    public async Task<SignInLogDto> GetSignInLogAsync(SignInLogQuery query, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var rows = Auth.SignInLog.Select(db, query);
        var total = await rows.CountAsync(cancellationToken);
        var events = await rows.Take(Auth.SignInLog.PageSize).ToListAsync(cancellationToken);
        var ids = events.Where(e => e.UserId != null).Select(e => e.UserId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new SignInLogDto(events.Select(e => new SignInEventDto(e.AtUtc, e.LoginName, e.UserId is { } u ? names.GetValueOrDefault(u) : null,
            e.Method, e.Kind, e.Detail, e.Address, e.Actor)).ToList(), total);
    }

    public async Task<IReadOnlyList<ApiTokenDto>> GetTokensAsync(CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        return await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.Id)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new ApiTokenDto(t.Id, t.Name, u.LoginName, u.DisplayName, t.DepartmentCode, t.Hint, t.CreatedUtc,
                t.ExpiresUtc, t.RevokedUtc, t.LastUsedUtc, t.Uses))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<IssuedTokenDto>> IssueTokenAsync(IssueTokenRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var errors = new Dictionary<string, string[]>();
        var name = TextPolicy.Clean(request.Name) ?? "";
        if (name.Length is 0 or > 100)
        {
            errors[nameof(request.Name)] = [Wording.Pick("用途を100文字以内で入力してください（例: 住基システム連携）。", "Enter what the token is for, at most 100 characters (for example: resident register link).")];
        }

        if (request.Days is < 1 or > 400)
        {
            errors[nameof(request.Days)] = [Wording.Pick("有効期間は1～400日で指定してください。", "Give a validity of 1 to 400 days.")];
        }

        var user = await db.Users.Include(u => u.Departments).FirstOrDefaultAsync(u => u.Id == request.UserId && u.IsActive, cancellationToken);
        if (user is null)
        {
            errors[nameof(request.UserId)] = [Wording.Pick("有効な利用者を選んでください。", "Choose an active person.")];
        }
        else if (user.Departments.All(d => d.Code != request.DepartmentCode))
        {
            errors[nameof(request.DepartmentCode)] = [Wording.Pick("この人が担当する課を選んでください（トークンはその課の指標だけを送れます）。", "Choose a department this person belongs to (the token sends only that department's indicators).")];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<IssuedTokenDto>(errors);
        }

        var value = Figures.FigureTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            Name = name, UserId = user!.Id, DepartmentCode = request.DepartmentCode, Hash = Figures.FigureTokens.HashOf(value), Hint = value[^4..],
            CreatedUtc = now, CreatedBy = audit.Actor, ExpiresUtc = now.AddDays(request.Days),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        audit.Changed("ApiToken", $"#{token.Id}", "Issued", null, $"{name} / {user.LoginName} / {request.DepartmentCode} / {JapanTime.Format(token.ExpiresUtc)} まで", "トークン発行");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(new IssuedTokenDto(token.Id, value, token.ExpiresUtc));
    }

    public async Task<Outcome<Done>> RevokeTokenAsync(int id, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return Outcome.NotFound<Done>(Wording.Pick("トークンが見つかりません。一覧を更新してください。", "The token was not found. Please refresh the list."));
        }

        if (token.RevokedUtc is null)
        {
            token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
            audit.Changed("ApiToken", $"#{token.Id}", "Revoked", null, token.Name, "トークン取り消し");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done();
    }

    private string? Address() => http?.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>The SQLite backups (none for SQL Server: the city's DBA backs that up).</summary>
    private BackupStatusDto? Backups() => backups.Applies
        ? new BackupStatusDto(backups.Folder, backupOptions.Value.Keep, backupOptions.Value.IntervalHours, backups.Generations())
        : null;

    /// <summary>Whether mail is set up, and what this instance last saw of the server; the outbox's backlog.</summary>
    private async Task<MailStatusDto> MailStatusAsync(CancellationToken cancellationToken)
    {
        var settings = mail.Value;
        var pending = await db.OutgoingMails.CountAsync(m => m.SentUtc == null && m.Attempts < MailPump.MaxAttempts, cancellationToken);
        return new MailStatusDto(settings.IsConfigured, settings.IsConfigured ? $"{settings.Host}:{settings.Port}" : null,
            mailHealth.LastAttemptUtc, mailHealth.LastError, pending);
    }

    public async Task<Outcome<Done>> CreateUserAsync(SaveUserRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var login = request.LoginName?.Trim().ToLowerInvariant() ?? "";
        if (await db.Users.AnyAsync(u => u.LoginName == login, cancellationToken))
        {
            return Outcome.Invalid<Done>(new Dictionary<string, string[]> { [nameof(request.LoginName)] = [Wording.Pick($"{login} は登録済みです。", $"{login} is already registered.")] });
        }

        var user = new AppUser { LoginName = login, DisplayName = "", CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.Users.Add(user);
        return await ApplyAsync(user, request, isNew: true, cancellationToken);
    }

    public async Task<Outcome<Done>> UpdateUserAsync(int id, SaveUserRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var user = await db.Users.Include(u => u.Departments).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Outcome.NotFound<Done>(Wording.Pick("利用者が見つかりません。一覧を更新してください。", "The person was not found. Please refresh the list."));
        }

        var login = request.LoginName?.Trim().ToLowerInvariant() ?? "";
        if (login != user.LoginName && await db.Users.AnyAsync(u => u.LoginName == login, cancellationToken))
        {
            return Outcome.Invalid<Done>(new Dictionary<string, string[]> { [nameof(request.LoginName)] = [Wording.Pick($"{login} は登録済みです。", $"{login} is already registered.")] });
        }

        if (user.LoginName == audit.Actor && (!request.IsActive || !request.Roles.HasFlag(AppRoles.Admin)))
        {
            return Outcome.Refused<Done>(Wording.Pick("自分自身の管理者の役割を外したり、無効にしたりはできません。別の管理者に依頼してください。", "You cannot remove your own administrator role or deactivate yourself. Please ask another administrator."));
        }

        return await ApplyAsync(user, request, isNew: false, cancellationToken);
    }

    private async Task<Outcome<Done>> ApplyAsync(AppUser user, SaveUserRequest request, bool isNew, CancellationToken cancellationToken)
    {
        var errors = AdminValidation.Validate(request);
        var codes = (request.DepartmentCodes ?? []).Distinct().ToList();
        var departments = await db.Departments.Where(d => codes.Contains(d.Code)).ToListAsync(cancellationToken);
        if (departments.Count != codes.Count)
        {
            errors[nameof(request.DepartmentCodes)] = [Wording.Pick("存在しない課が含まれています。", "A department given does not exist.")];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<Done>(errors);
        }

        var key = request.LoginName.Trim().ToLowerInvariant();
        var reason = isNew ? "利用者を追加" : null;
        var rolesBefore = isNew ? null : $"{user.Roles} / {string.Join(",", user.Departments.Select(d => d.Code).Order(StringComparer.Ordinal))}";
        var rolesAfter = $"{request.Roles} / {string.Join(",", departments.Select(d => d.Code).Order(StringComparer.Ordinal))}";
        var rolesBeforeText = isNew ? "（新規）" : Auth.SignInLog.RolesText(user.Roles, user.Departments);
        var changed = audit.Changed("User", key, "LoginName", isNew ? null : user.LoginName, key, reason);
        changed |= audit.Changed("User", key, "DisplayName", isNew ? null : user.DisplayName, (TextPolicy.Clean(request.DisplayName) ?? ""), reason);
        changed |= audit.Changed("User", key, "Roles", isNew ? null : user.Roles.ToString(), request.Roles.ToString(), reason);
        changed |= audit.Changed("User", key, "Departments", isNew ? null : string.Join(",", user.Departments.Select(d => d.Code).Order()),
            string.Join(",", departments.Select(d => d.Code).Order()), reason);
        changed |= audit.Changed("User", key, "IsActive", isNew ? null : user.IsActive.ToString(), request.IsActive.ToString(), reason);
        var email = AdminValidation.CleanEmail(request.Email);
        changed |= audit.Changed("User", key, "Email", isNew ? null : user.Email, email, reason);
        if (!changed)
        {
            return Outcome.Done();
        }

        var rolesBeforeValue = isNew ? AppRoles.None : user.Roles;
        user.LoginName = key;
        user.DisplayName = (TextPolicy.Clean(request.DisplayName) ?? "");
        user.Roles = request.Roles;
        user.Email = email;
        user.IsActive = request.IsActive;
        user.Departments = departments;
        user.SecurityStamp = Guid.NewGuid(); // open sessions pick the change up on their next request
        await db.SaveChangesAsync(cancellationToken);
        sessions.Forget(user.Id); // here at once; other instances within Auth:SessionCheckSeconds
        if ((request.Roles & ~rolesBeforeValue & signInOptions.Value.TwoFactorRequiredFor) != AppRoles.None)
        {
            await EndSessionsWithoutAuthenticatorAsync(user, "認証アプリが必要な役割が加わったため", cancellationToken);
        }

        if (rolesBefore != rolesAfter)
        {
            await signInLog.WriteAsync(SignInEventKinds.RoleChanged, "Admin", user.LoginName, user.Id, Address(), $"{rolesBeforeText} → {Auth.SignInLog.RolesText(request.Roles, departments)}", audit.Actor,
                cancellationToken);
        }

        return Outcome.Done();
    }

    public async Task<Outcome<Done>> CreateDepartmentAsync(SaveDepartmentRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var errors = AdminValidation.Validate(request);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<Done>(errors);
        }

        var code = request.Code.Trim();
        if (await db.Departments.AnyAsync(d => d.Code == code, cancellationToken))
        {
            return Outcome.Invalid<Done>(new Dictionary<string, string[]> { [nameof(request.Code)] = [Wording.Pick($"課コード {code} は登録済みです。", $"Department code {code} is already registered.")] });
        }

        db.Departments.Add(new Department { Code = code, Name = (TextPolicy.Clean(request.Name) ?? "") });
        audit.Changed("Department", code, "Name", null, (TextPolicy.Clean(request.Name) ?? ""), "課を追加");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    public async Task<Outcome<Done>> UpdateDepartmentAsync(string code, SaveDepartmentRequest request, CancellationToken cancellationToken = default)
    {
        using var operation = operations.Begin();
        var errors = AdminValidation.Validate(request with { Code = code });
        if (errors.Count > 0)
        {
            return Outcome.Invalid<Done>(errors);
        }

        var department = await db.Departments.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (department is null)
        {
            return Outcome.NotFound<Done>(Wording.Pick("課が見つかりません。一覧を更新してください。", "The department was not found. Please refresh the list."));
        }

        if (audit.Changed("Department", code, "Name", department.Name, (TextPolicy.Clean(request.Name) ?? "")))
        {
            department.Name = (TextPolicy.Clean(request.Name) ?? "");
            department.IsSample = false; // confirmed by an administrator
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done();
    }
}
