-- wrk script: GET /v1/whoami with the case system's key: authentication and the pipeline, nothing else.
wrk.method = "GET"
wrk.headers["X-Api-Key"] = os.getenv("FASHEN_KEY")
