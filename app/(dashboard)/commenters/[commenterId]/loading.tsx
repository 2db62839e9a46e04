/** The commenter page's skeleton. */
export default function CommenterLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the commenter">
      <div className="skeleton" style={{ height: 32, width: "40%", marginBottom: 12 }} />
      <div className="panel">
        <div className="skeleton" style={{ height: 260 }} />
      </div>
      <div className="panel">
        {[0, 1, 2].map((i) => (
          <div key={i} className="skeleton" style={{ height: 64, marginBottom: 10 }} />
        ))}
      </div>
    </div>
  );
}
