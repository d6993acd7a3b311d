# Supervisor.start_child of a child whose start fails: {:error, {reason,
# child record}} as OTP's supervisor returns it; :ignore; DynamicSupervisor
# returns the bare reason.
defmodule P do
  def start_link(:bad), do: {:error, :refused}
  def start_link(:ignore), do: :ignore
end
{:ok, sup} = Supervisor.start_link([], strategy: :one_for_one)
IO.inspect(Supervisor.start_child(sup, %{id: :bad, start: {P, :start_link, [:bad]}}))
IO.inspect(Supervisor.start_child(sup, %{id: :bad2, start: {P, :start_link, [:bad]}, restart: :temporary, shutdown: :brutal_kill, type: :supervisor}))
IO.inspect(Supervisor.start_child(sup, %{id: :ig, start: {P, :start_link, [:ignore]}}))
IO.inspect(Supervisor.which_children(sup))
{:ok, ds} = DynamicSupervisor.start_link(strategy: :one_for_one)
IO.inspect(DynamicSupervisor.start_child(ds, %{id: :bad, start: {P, :start_link, [:bad]}}))
