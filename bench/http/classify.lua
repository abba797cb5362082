-- wrk script: POST the sample food-safety decision to /v1/classifications with the case system's key.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = os.getenv("FASHEN_KEY")
local file = io.open(os.getenv("FASHEN_DECISION"), "r")
wrk.body = file:read("*a")
file:close()
