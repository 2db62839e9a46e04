/** The header's search box: a plain GET form to /search, so it works with the keyboard and without scripts. */
export function HeaderSearch() {
  return (
    <search className="header-search">
      <form action="/search" method="get">
        <label htmlFor="header-search-q" className="visually-hidden">
          Search every comment
        </label>
        <input
          id="header-search-q"
          type="search"
          name="q"
          placeholder="Search comments"
          maxLength={200}
          required
        />
      </form>
    </search>
  );
}
