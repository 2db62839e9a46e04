/** The post page's skeleton while its figures load. */
export default function PostLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the post">
      <div className="skeleton" style={{ height: 32, width: "60%", marginBottom: 12 }} />
      <div className="skeleton" style={{ height: 16, width: "40%", marginBottom: 24 }} />
      <div className="panel">
        <div className="skeleton" style={{ height: 40 }} />
      </div>
      <div className="panel chart-grid">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="skeleton" style={{ height: 260 }} />
        ))}
      </div>
      <div className="panel">
        {[0, 1, 2].map((i) => (
          <div key={i} className="skeleton" style={{ height: 64, marginBottom: 10 }} />
        ))}
      </div>
    </div>
  );
}
