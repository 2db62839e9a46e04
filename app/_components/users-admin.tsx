"use client";
import { type FormEvent, useState } from "react";
import {
  useAccountAccessMutation,
  useAddUserMutation,
  useChangeRoleMutation,
  useResetPasswordMutation,
  useUsersQuery,
} from "@/lib/client/use-users-query";
import { type AddedUser, USER_ROLES, type UserList, type UserRole } from "@/lib/schemas/users";
import { TableScroll } from "./table-scroll";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** The users page: accounts and roles, and a form that adds an account with a password shown once. */
export function UsersAdmin({ initialData, viewerId }: { initialData: UserList; viewerId: string }) {
  const { data } = useUsersQuery(initialData);
  const add = useAddUserMutation();
  const changeRole = useChangeRoleMutation();
  const access = useAccountAccessMutation();
  const reset = useResetPasswordMutation();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<UserRole>("MODERATOR");
  const [added, setAdded] = useState<AddedUser | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    add.mutate(
      { email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: (answer) => {
          setAdded(answer);
          setEmail("");
          setName("");
        },
      },
    );
  };

  return (
    <>
      <section className="panel" aria-labelledby="add-user-title">
        <h2 id="add-user-title">Add a user</h2>
        <form className="form-inline" onSubmit={submit}>
          <div>
            <label htmlFor="user-email">Email</label>
            <input
              id="user-email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="user-name">Name (optional)</label>
            <input id="user-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div>
            <label htmlFor="user-role">Role</label>
            <select id="user-role" value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
              {USER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r.toLowerCase()}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary" disabled={add.isPending}>
            Add user
          </button>
        </form>
        {add.error && (
          <p className="error" role="alert">
            {add.error.message}
          </p>
        )}
        {added && (
          <div className="notice" role="status" data-testid="new-password">
            <p>
              Account <strong>{added.user.email}</strong> created. Its password is shown this once; pass it on
              safely:
            </p>
            <p>
              <code>{added.password}</code>
            </p>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">Users</h2>
        <TableScroll label="Users table">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Since</th>
                <th scope="col">Role</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {(data?.users ?? []).map((u) => (
                <tr key={u.id} data-testid="user-row">
                  <td>
                    {u.name}
                    {u.id === viewerId && <span className="subtle"> (you)</span>}
                  </td>
                  <td>{u.email}</td>
                  <td>
                    <time dateTime={u.createdAt} suppressHydrationWarning>
                      {when.format(new Date(u.createdAt))}
                    </time>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                      Role of {u.email}
                    </label>
                    <select
                      id={`role-${u.id}`}
                      value={u.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => changeRole.mutate({ userId: u.id, role: e.target.value as UserRole })}
                    >
                      {USER_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r.toLowerCase()}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {u.disabledAt && <span className="badge">disabled</span>}{" "}
                    {u.id !== viewerId && (
                      <button
                        type="button"
                        disabled={access.isPending}
                        onClick={() => access.mutate({ userId: u.id, disable: u.disabledAt === null })}
                      >
                        {u.disabledAt ? "Enable" : "Disable"}
                        <span className="visually-hidden"> {u.email}</span>
                      </button>
                    )}{" "}
                    <button type="button" disabled={reset.isPending} onClick={() => reset.mutate(u.id)}>
                      Reset password<span className="visually-hidden"> of {u.email}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {(changeRole.error ?? access.error ?? reset.error) && (
          <p className="error" role="alert">
            {(changeRole.error ?? access.error ?? reset.error)?.message}
          </p>
        )}
        {reset.data && (
          <div className="notice" role="status" data-testid="reset-password">
            <p>
              New password for <strong>{reset.data.user.email}</strong>, shown this once (their sessions have
              ended):
            </p>
            <p>
              <code>{reset.data.password}</code>
            </p>
          </div>
        )}
      </section>
    </>
  );
}
