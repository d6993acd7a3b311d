# DynamicSupervisor.start_child/2 with bad child specs answers as
# Elixir's DynamicSupervisor does: a map without an id or a three-element
# start is an invalid child spec as a whole; bad restart, shutdown or
# start values are named.
{:ok, ds} = DynamicSupervisor.start_link(strategy: :one_for_one)
start = {Agent, :start_link, [Map, :new, []]}

for spec <- [
      %{id: :x},
      %{id: :y, start: :notmfa},
      %{start: start},
      %{id: :m, start: {1, 2}},
      %{id: :z, start: start, restart: :bad},
      %{id: :w, start: start, shutdown: -1},
      %{id: :ok, start: start}
    ] do
  case DynamicSupervisor.start_child(ds, spec) do
    {:ok, pid} when is_pid(pid) -> IO.puts("started")
    other -> IO.inspect(other)
  end
end

IO.inspect(DynamicSupervisor.count_children(ds))
