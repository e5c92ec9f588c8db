"""Window Clerk tests."""
